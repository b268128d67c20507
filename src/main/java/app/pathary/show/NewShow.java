package app.pathary.show;

import app.pathary.common.InvalidInputException;

/** What is needed to find or create a show: at least one provider id and a title; the year is optional. */
public record NewShow(ShowIds ids, String title, Integer year) {
    public NewShow {
        if (ids == null) {
            throw new InvalidInputException("a show needs a tvdbId, a tmdbId or an imdbId.");
        }
        ids.required();
        title = title == null ? null : title.strip();
        if (title == null || title.isEmpty()) {
            throw new InvalidInputException("title is needed to create the show with " + ids + ".");
        }
        if (title.length() > 500) {
            throw new InvalidInputException("title must have at most 500 characters.");
        }
        if (year != null && (year < 1900 || year > 2200)) {
            throw new InvalidInputException("year " + year + " is not a plausible first-air year.");
        }
    }
}
