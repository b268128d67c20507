package app.pathary.config;

import java.util.ArrayList;
import java.util.List;

/** One path mapping pair as written in a *_PATH_MAP variable or a CONFIG_FILE pathMap: a Jellyfin prefix and the *arr's. */
public record PathPair(String jellyfinPrefix, String arrPrefix) {

    /** Parses {@code jfPrefix:arrPrefix,jfPrefix:arrPrefix}; blank is no pair. */
    public static List<PathPair> parseAll(String name, String text) {
        List<PathPair> pairs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String part : text.split(",")) {
            String[] sides = part.strip().split(":", 2);
            if (sides.length != 2 || !sides[0].strip().startsWith("/") || !sides[1].strip().startsWith("/")) {
                throw new ConfigException(name + " must be jellyfinPrefix:arrPrefix pairs separated by commas, such as "
                        + "/media/movies:/movies, not '" + part.strip() + "'.");
            }
            pairs.add(new PathPair(sides[0].strip(), sides[1].strip()));
        }
        return List.copyOf(pairs);
    }
}
