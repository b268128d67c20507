package app.pathary.history;

import app.pathary.movie.Movie;
import java.time.LocalDate;

/** One watch date of a user: a movie, a calendar date (null when unknown), plays on that date and a comment. */
public record WatchDate(Movie movie, LocalDate watchedAt, int plays, String comment) {
}
