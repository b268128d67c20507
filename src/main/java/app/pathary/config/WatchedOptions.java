package app.pathary.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The watched-state settings one layer sets (each empty when the layer leaves it to the next): the Jellyfin server
 * and admin API key, whose plays count, grace periods and the favourites switch.
 */
public record WatchedOptions(Optional<URI> jellyfinUrl, Optional<String> jellyfinApiKey, Optional<Strategy> strategy,
        Optional<String> primaryUser, Optional<List<String>> users, Optional<Integer> graceDaysMovies,
        Optional<Integer> graceDaysEpisodes, Optional<Boolean> keepFavorites) {
    public static final String JELLYFIN_URL = "JELLYFIN_URL";
    public static final String JELLYFIN_API_KEY = "JELLYFIN_API_KEY";
    public static final String STRATEGY = "CLEANUP_STRATEGY";
    public static final String PRIMARY_USER = "CLEANUP_PRIMARY_USER";
    public static final String USERS = "CLEANUP_USERS";
    public static final String GRACE_DAYS_MOVIES = "CLEANUP_GRACE_DAYS_MOVIES";
    public static final String GRACE_DAYS_EPISODES = "CLEANUP_GRACE_DAYS_EPISODES";
    public static final String KEEP_FAVORITES = "CLEANUP_KEEP_FAVORITES";
    public static final List<String> NAMES = List.of(JELLYFIN_URL, JELLYFIN_API_KEY, STRATEGY, PRIMARY_USER, USERS,
            GRACE_DAYS_MOVIES, GRACE_DAYS_EPISODES, KEEP_FAVORITES);

    /** CLEANUP_STRATEGY's values (the watched feature gives them their meaning). */
    public enum Strategy {
        PRIMARY, ANY, ALL;

        static Strategy parse(String name, String text) {
            return valueOf(OptionRules.oneOf(name, text, List.of("primary", "any", "all")).toUpperCase(Locale.ROOT));
        }
    }

    public static WatchedOptions parse(OptionLayer layer) {
        return new WatchedOptions(
                layer.get(JELLYFIN_URL).map(v -> OptionRules.serverUrl(layer.describe(JELLYFIN_URL), v)),
                layer.get(JELLYFIN_API_KEY),
                layer.get(STRATEGY).map(v -> Strategy.parse(layer.describe(STRATEGY), v)),
                layer.get(PRIMARY_USER),
                layer.get(USERS).map(OptionRules::names),
                layer.get(GRACE_DAYS_MOVIES).map(v -> OptionRules.days(layer.describe(GRACE_DAYS_MOVIES), v)),
                layer.get(GRACE_DAYS_EPISODES).map(v -> OptionRules.days(layer.describe(GRACE_DAYS_EPISODES), v)),
                layer.get(KEEP_FAVORITES).map(v -> OptionRules.bool(layer.describe(KEEP_FAVORITES), v)));
    }

    @Override
    public String toString() {
        return "WatchedOptions[jellyfinUrl=" + jellyfinUrl + ", jellyfinApiKey=" + jellyfinApiKey.map(k -> "***") + ", strategy="
                + strategy + ", primaryUser=" + primaryUser + ", users=" + users + "]";
    }
}
