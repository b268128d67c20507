package app.pathary.show;

import app.pathary.common.InvalidInputException;

/** An episode to find or create in a show: season and number, optionally the end number and a title. */
public record NewEpisode(int season, int number, Integer endNumber, String title) {
    public static final int MAX_NUMBER = 100_000;

    public NewEpisode {
        if (season < 0 || season > MAX_NUMBER) {
            throw new InvalidInputException("season must be a whole number from 0 to " + MAX_NUMBER + ".");
        }
        if (number < 0 || number > MAX_NUMBER) {
            throw new InvalidInputException("episode must be a whole number from 0 to " + MAX_NUMBER + ".");
        }
        if (endNumber != null && endNumber == number) {
            endNumber = null;
        }
        if (endNumber != null && (endNumber < number || endNumber > MAX_NUMBER)) {
            throw new InvalidInputException("endEpisode must be at least the episode number (" + number + ") and at most " + MAX_NUMBER + ".");
        }
        title = title == null || title.isBlank() ? null : title.strip();
        if (title != null && title.length() > 500) {
            throw new InvalidInputException("episodeTitle must have at most 500 characters.");
        }
    }
}
