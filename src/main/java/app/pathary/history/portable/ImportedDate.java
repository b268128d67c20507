package app.pathary.history.portable;

import java.time.LocalDate;

/**
 * One watch date read from a file: the movie as the file names it, the date (null: unknown), the plays and the
 * comment, and the line (or entry) of the file it came from first.
 */
record ImportedDate(int line, FileMovie movie, LocalDate date, int plays, String comment) {
    String key() {
        return movie.key() + "@" + date;
    }
}
