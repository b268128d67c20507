package app.pathary.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What cleanup does, as one layer sets it (each empty when the layer leaves it to the next). */
public record ActionOptions(Optional<MovieAction> movieAction, Optional<Boolean> importExclusion, Optional<Boolean> deleteEndedSeries,
        Optional<Boolean> execute) {
    public static final String MOVIE_ACTION = "CLEANUP_MOVIE_ACTION";
    public static final String IMPORT_EXCLUSION = "CLEANUP_IMPORT_EXCLUSION";
    public static final String DELETE_ENDED_SERIES = "CLEANUP_DELETE_ENDED_SERIES";
    public static final String EXECUTE = "CLEANUP_EXECUTE";
    public static final List<String> NAMES = List.of(EXECUTE, MOVIE_ACTION, IMPORT_EXCLUSION, DELETE_ENDED_SERIES);

    /** CLEANUP_MOVIE_ACTION's values (cleanup gives them their meaning). */
    public enum MovieAction {
        DELETE_MOVIE_AND_FILES, DELETE_FILE_AND_UNMONITOR;

        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static MovieAction parse(String name, String text) {
            String value = OptionRules.oneOf(name, text, List.of("delete-movie-and-files", "delete-file-and-unmonitor"));
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public static ActionOptions none() {
        return new ActionOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ActionOptions parse(OptionLayer layer) {
        return new ActionOptions(
                layer.get(MOVIE_ACTION).map(v -> MovieAction.parse(layer.describe(MOVIE_ACTION), v)),
                layer.get(IMPORT_EXCLUSION).map(v -> OptionRules.bool(layer.describe(IMPORT_EXCLUSION), v)),
                layer.get(DELETE_ENDED_SERIES).map(v -> OptionRules.bool(layer.describe(DELETE_ENDED_SERIES), v)),
                layer.get(EXECUTE).map(v -> OptionRules.bool(layer.describe(EXECUTE), v)));
    }
}
