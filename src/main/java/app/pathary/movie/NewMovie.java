package app.pathary.movie;

import app.pathary.common.InvalidInputException;
import java.util.regex.Pattern;

/** What is needed to create a movie: a TMDb id and a title, the rest optional. */
public record NewMovie(int tmdbId, String imdbId, String title, Integer year, String overview) {
    private static final Pattern IMDB = Pattern.compile("^tt\\d{5,10}$");

    public NewMovie {
        if (tmdbId <= 0) {
            throw new InvalidInputException("tmdbId must be a positive number.");
        }
        title = title == null ? null : title.strip();
        if (title == null || title.isEmpty()) {
            throw new InvalidInputException("title is needed to create the movie with TMDb id " + tmdbId + ".");
        }
        if (title.length() > 500) {
            throw new InvalidInputException("title must have at most 500 characters.");
        }
        imdbId = imdbId == null || imdbId.isBlank() ? null : imdbId.strip();
        if (imdbId != null && !IMDB.matcher(imdbId).matches()) {
            throw new InvalidInputException("imdbId '" + imdbId + "' is not an IMDb id such as tt0133093.");
        }
        if (year != null && (year < 1870 || year > 2200)) {
            throw new InvalidInputException("year " + year + " is not a plausible release year.");
        }
        overview = overview == null || overview.isBlank() ? null : overview.strip();
    }
}
