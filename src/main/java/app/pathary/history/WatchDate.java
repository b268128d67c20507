package app.pathary.history;

import app.pathary.movie.Movie;
import java.time.LocalDate;

/**
 * One watch date of a user: a movie, a calendar date (null when unknown), plays on that date and a comment, and where it
 * came from when that matters ({@link DateSource}; null for a play Pathary saw itself).
 */
public record WatchDate(Movie movie, LocalDate watchedAt, int plays, String comment, String source) {
    public WatchDate(Movie movie, LocalDate watchedAt, int plays, String comment) {
        this(movie, watchedAt, plays, comment, null);
    }

    /** What the pages show beside the date: "from catch-up", "marked in Jellyfin", or null. */
    public String sourceLabel() {
        return DateSource.label(source);
    }
}
