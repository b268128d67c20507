package app.pathary.history;

import app.pathary.movie.Movie;
import java.util.List;

/** A movie a user has watched, with all of their watch dates (newest first, unknown date last). */
public record PlayedMovie(Movie movie, List<DateEntry> dates) {
    public record DateEntry(java.time.LocalDate watchedAt, int plays, String comment) {
    }

    public int totalPlays() {
        return dates.stream().mapToInt(DateEntry::plays).sum();
    }
}
