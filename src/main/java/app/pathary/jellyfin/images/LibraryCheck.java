package app.pathary.jellyfin.images;

import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Asks the user's own Jellyfin whether they may see an item the library index does not know yet (a search result
 * from before the first import): Jellyfin answers 404 for items outside the user's libraries. Answers "yes" are
 * remembered (a few thousand), so a page of posters costs one question each at most once.
 */
final class LibraryCheck {
    private static final int REMEMBERED = 4096;
    private final JellyfinClient client;
    private final LongFunction<Optional<JellyfinServer>> userServer;
    private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    LibraryCheck(JellyfinClient client, LongFunction<Optional<JellyfinServer>> userServer) {
        this.client = client;
        this.userServer = userServer;
    }

    boolean sees(long userId, String itemId) {
        String key = userId + "|" + itemId;
        if (seen.containsKey(key)) {
            return true;
        }
        Optional<JellyfinServer> server = userServer.apply(userId);
        if (server.isEmpty()) {
            return false;
        }
        try {
            boolean visible = client.item(server.get(), null, itemId).isPresent();
            if (visible) {
                seen.put(key, Boolean.TRUE);
            }
            return visible;
        } catch (JellyfinException e) {
            return false;
        }
    }
}
