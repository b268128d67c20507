package app.pathary.jellyfin.images;

import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.web.WebRoutes;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Posters from Jellyfin through Pathary ({@code /img/...}), cached on disk, and the search of the Jellyfin library. */
public final class PosterFacade {
    private final PosterImages images;
    private final LibrarySearch search;

    private PosterFacade(PosterImages images, LibrarySearch search) {
        this.images = images;
        this.search = search;
    }

    /**
     * @param cacheDir  the folder of cached posters ({@code DATA_DIR/posters})
     * @param cacheSize {@code POSTER_CACHE_MB} in bytes
     * @param shownToAll Jellyfin items (ids without dashes, lower case) that a page lists to every user, such as the
     *                   leaving-soon schedule: their pictures are no secret
     */
    public record Wiring(Jdbi reads, JellyfinClient client, PosterServers servers, Path cacheDir, long cacheSize,
            java.util.function.Predicate<String> shownToAll) {
        /** Without items that every user sees listed. */
        public Wiring(Jdbi reads, JellyfinClient client, PosterServers servers, Path cacheDir, long cacheSize) {
            this(reads, client, servers, cacheDir, cacheSize, id -> false);
        }
    }

    public static PosterFacade wire(Wiring wiring) {
        var fetch = new PosterFetch(wiring.client(), new PosterCache(wiring.cacheDir(), wiring.cacheSize()));
        var images = new PosterImages(new PosterAccess(wiring.reads(), wiring.shownToAll()), fetch, wiring.servers(),
                new LibraryCheck(wiring.client(), wiring.servers().user()));
        return new PosterFacade(images, new LibrarySearch(wiring.client(), wiring.servers()));
    }

    /** Finds movies of the user's Jellyfin library by title (for "Add a watch"). */
    public LibrarySearch search() {
        return search;
    }

    public List<WebRoutes> routes() {
        return List.of(images);
    }
}
