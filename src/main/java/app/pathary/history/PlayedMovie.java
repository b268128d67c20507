package app.pathary.history;

import app.pathary.movie.Movie;
import java.util.List;

/** A movie a user has watched, with all of their watch dates (newest first, unknown date last). */
public record PlayedMovie(Movie movie, List<DateEntry> dates) {
    /** One date; {@code source} says where it came from when that matters ({@link DateSource}), else null. */
    public record DateEntry(java.time.LocalDate watchedAt, int plays, String comment, String source) {
        public DateEntry(java.time.LocalDate watchedAt, int plays, String comment) {
            this(watchedAt, plays, comment, null);
        }

        /** What the pages show beside the date: "from catch-up", "marked in Jellyfin", or null. */
        public String sourceLabel() {
            return DateSource.label(source);
        }
    }

    public int totalPlays() {
        return dates.stream().mapToInt(DateEntry::plays).sum();
    }
}
