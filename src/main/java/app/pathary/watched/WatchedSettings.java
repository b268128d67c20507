package app.pathary.watched;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The watched-state settings: the Jellyfin server and admin API key, the strategy and its users, grace periods and the
 * favourites switch. {@code locked} names the settings the environment fixes (the page shows them read-only).
 */
public record WatchedSettings(URI jellyfinUrl, String apiKey, Strategy strategy, String primaryUser, List<String> users,
        int graceDaysMovies, int graceDaysEpisodes, boolean keepFavorites, Set<String> locked) {

    public WatchedSettings {
        users = List.copyOf(users);
        locked = Set.copyOf(locked);
    }

    public boolean jellyfinConfigured() {
        return jellyfinUrl != null && apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "WatchedSettings[jellyfinUrl=" + jellyfinUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", strategy="
                + strategy + ", primaryUser=" + primaryUser + ", users=" + users + "]";
    }
}
