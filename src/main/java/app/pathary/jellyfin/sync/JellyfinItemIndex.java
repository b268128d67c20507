package app.pathary.jellyfin.sync;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Each user's Jellyfin movie items by TMDb id, so that syncing one change needs no library scan. Import and export
 * rebuild it; a sync that meets a vanished item (404) removes it.
 */
public final class JellyfinItemIndex {
    private final Jdbi jdbi;

    public JellyfinItemIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The same index for episodes (by series ids, season and number). */
    JellyfinEpisodeIndex episodes() {
        return new JellyfinEpisodeIndex(jdbi);
    }

    void replace(long userId, List<LibraryMovie> movies) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM jellyfin_items WHERE user_id = :u").bind("u", userId).execute();
            var batch = h.prepareBatch("INSERT INTO jellyfin_items (user_id, item_id, tmdb_id) VALUES (:u, :item, :tmdb)");
            for (LibraryMovie movie : movies) {
                if (movie.tmdbId() != null) {
                    batch.bind("u", userId).bind("item", movie.itemId()).bind("tmdb", movie.tmdbId()).add();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
            // The running time is a fact of the movie (the dashboard's hours watched); the import reads it anyway.
            var runtimes = h.prepareBatch("UPDATE movies SET runtime_minutes = :minutes WHERE tmdb_id = :tmdb"
                    + " AND (runtime_minutes IS NULL OR runtime_minutes <> :minutes)");
            for (LibraryMovie movie : movies) {
                if (movie.tmdbId() != null && movie.runtimeMinutes() != null) {
                    runtimes.bind("minutes", movie.runtimeMinutes()).bind("tmdb", movie.tmdbId()).add();
                }
            }
            if (runtimes.size() > 0) {
                runtimes.execute();
            }
        });
    }

    List<String> itemsOf(long userId, int tmdbId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT item_id FROM jellyfin_items WHERE user_id = :u AND tmdb_id = :t ORDER BY item_id")
                .bind("u", userId).bind("t", tmdbId).mapTo(String.class).list());
    }

    void remove(long userId, String itemId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM jellyfin_items WHERE user_id = :u AND item_id = :i")
                .bind("u", userId).bind("i", itemId).execute());
    }

    int size(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM jellyfin_items WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).one());
    }
}
