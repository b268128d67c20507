package app.pathary.cleanup.instances;

/**
 * What a cleanup does with what is eligible.
 *
 * @param movieAction      delete the movie with its files (default) or delete only the file and unmonitor the movie
 * @param importExclusion  with a movie deletion, add a TMDb import exclusion so lists do not bring it back
 * @param deleteEndedSeries opt-in: delete a series entry once it has ended and no file is left
 * @param execute          CLEANUP_EXECUTE: while false only plans are made
 */
public record CleanupActions(MovieAction movieAction, boolean importExclusion, boolean deleteEndedSeries, boolean execute) {
    public enum MovieAction {
        DELETE_MOVIE("delete-movie-and-files"), DELETE_FILE_AND_UNMONITOR("delete-file-and-unmonitor");

        private final String value;

        MovieAction(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static MovieAction parse(String text, String name) {
            for (MovieAction action : values()) {
                if (action.value.equalsIgnoreCase(text.strip()) || action.name().equalsIgnoreCase(text.strip())) {
                    return action;
                }
            }
            throw new app.pathary.common.InvalidInputException(name + " must be delete-movie-and-files or delete-file-and-unmonitor, not '" + text + "'.");
        }
    }
}
