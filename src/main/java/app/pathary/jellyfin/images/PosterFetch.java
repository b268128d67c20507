package app.pathary.jellyfin.images;

import app.pathary.jellyfin.client.ImageData;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a poster once: from the cache when it is there, else from Jellyfin, and keeps it. Requests for the same picture
 * that arrive while it is being fetched wait for that one fetch. A failed read is reported, never cached.
 */
final class PosterFetch {
    private static final Logger LOG = LoggerFactory.getLogger(PosterFetch.class);

    /** What there is to show: a picture, no picture at all (Jellyfin has none), or a failure to read it now. */
    sealed interface Result {
        record Found(PosterCache.Stored poster) implements Result {
        }

        record NoPicture() implements Result {
        }

        record Failed() implements Result {
        }
    }

    private final JellyfinClient client;
    private final PosterCache cache;
    private final ConcurrentHashMap<String, CompletableFuture<Result>> running = new ConcurrentHashMap<>();

    PosterFetch(JellyfinClient client, PosterCache cache) {
        this.client = client;
        this.cache = cache;
    }

    Result poster(JellyfinServer server, String itemId, int width) {
        // The key holds the server's address so that two servers' item ids never meet; it is hashed before it names a file.
        String key = server.baseUrl() + "|" + itemId + "|" + width;
        Optional<PosterCache.Stored> cached = cache.find(key);
        if (cached.isPresent()) {
            return new Result.Found(cached.get());
        }
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> other = running.putIfAbsent(key, mine);
        if (other != null) {
            try {
                return other.join();
            } catch (CompletionException e) {
                return new Result.Failed();
            }
        }
        try {
            Result result = cache.find(key).<Result>map(Result.Found::new).orElseGet(() -> read(server, key, itemId, width));
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.complete(new Result.Failed());
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private Result read(JellyfinServer server, String key, String itemId, int width) {
        Optional<ImageData> image;
        try {
            image = client.primaryImage(server, itemId, width);
        } catch (JellyfinException e) {
            LOG.info("A poster could not be read from Jellyfin: {}", e.getClass().getSimpleName());
            return new Result.Failed();
        }
        return image.<Result>map(found -> new Result.Found(cache.store(key, found))).orElseGet(Result.NoPicture::new);
    }
}
