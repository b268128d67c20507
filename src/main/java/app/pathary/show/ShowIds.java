package app.pathary.show;

import app.pathary.common.InvalidInputException;
import java.util.regex.Pattern;

/** The provider ids of a show; any may be null, but a show needs at least one to be recognised again. */
public record ShowIds(Integer tvdbId, Integer tmdbId, String imdbId) {
    private static final Pattern IMDB = Pattern.compile("^tt\\d{5,10}$");

    public ShowIds {
        if (tvdbId != null && tvdbId <= 0) {
            throw new InvalidInputException("tvdbId must be a positive number.");
        }
        if (tmdbId != null && tmdbId <= 0) {
            throw new InvalidInputException("tmdbId must be a positive number.");
        }
        imdbId = imdbId == null || imdbId.isBlank() ? null : imdbId.strip();
        if (imdbId != null && !IMDB.matcher(imdbId).matches()) {
            throw new InvalidInputException("imdbId '" + imdbId + "' is not an IMDb id such as tt0944947.");
        }
    }

    public boolean isEmpty() {
        return tvdbId == null && tmdbId == null && imdbId == null;
    }

    /** These ids, refused with a 400 when there is none. */
    public ShowIds required() {
        if (isEmpty()) {
            throw new InvalidInputException("a show needs a tvdbId, a tmdbId or an imdbId.");
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (tvdbId != null) {
            text.append("TVDb ").append(tvdbId);
        }
        if (tmdbId != null) {
            text.append(text.isEmpty() ? "" : ", ").append("TMDb ").append(tmdbId);
        }
        if (imdbId != null) {
            text.append(text.isEmpty() ? "" : ", ").append("IMDb ").append(imdbId);
        }
        return text.toString();
    }
}
