package app.pathary.jellyfin.images;

import app.pathary.jellyfin.client.JellyfinServer;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The Jellyfin server a user's pictures and searches go to: the admin's ({@code JELLYFIN_URL} and its API key) when
 * set, else the user's own Jellyfin login. Neither its address nor its key ever reaches the browser.
 */
public record PosterServers(Supplier<Optional<JellyfinServer>> admin, LongFunction<Optional<JellyfinServer>> user) {
    Optional<JellyfinServer> forImages(long userId) {
        return admin.get().or(() -> user.apply(userId));
    }
}
