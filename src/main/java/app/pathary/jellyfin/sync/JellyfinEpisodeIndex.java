package app.pathary.jellyfin.sync;

import app.pathary.show.ShowIds;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Each user's Jellyfin episode items by their series' provider ids, season and number, so that syncing one episode
 * needs no library scan. Import and export rebuild it; a sync that meets a vanished item (404) removes it.
 */
final class JellyfinEpisodeIndex {
    private final Jdbi jdbi;

    JellyfinEpisodeIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void replace(long userId, List<LibraryEpisode> episodes) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM jellyfin_episode_items WHERE user_id = :u").bind("u", userId).execute();
            var batch = h.prepareBatch("""
                    INSERT INTO jellyfin_episode_items (user_id, item_id, tvdb_id, tmdb_id, imdb_id, season, number)
                    VALUES (:u, :item, :tvdb, :tmdb, :imdb, :season, :number)""");
            for (LibraryEpisode episode : episodes) {
                ShowIds ids = episode.series().ids();
                batch.bind("u", userId).bind("item", episode.itemId()).bind("tvdb", ids.tvdbId()).bind("tmdb", ids.tmdbId())
                        .bind("imdb", ids.imdbId()).bind("season", episode.season()).bind("number", episode.number()).add();
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
    }

    /** The user's Jellyfin items of this episode: every library's copy of a series with any of these ids. */
    List<String> itemsOf(long userId, ShowIds ids, int season, int number) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT item_id FROM jellyfin_episode_items WHERE user_id = :u AND season = :s AND number = :n
                        AND (tvdb_id = :tvdb OR tmdb_id = :tmdb OR imdb_id = :imdb) ORDER BY item_id""")
                .bind("u", userId).bind("s", season).bind("n", number).bind("tvdb", ids.tvdbId()).bind("tmdb", ids.tmdbId())
                .bind("imdb", ids.imdbId()).mapTo(String.class).list());
    }

    void remove(long userId, String itemId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM jellyfin_episode_items WHERE user_id = :u AND item_id = :i")
                .bind("u", userId).bind("i", itemId).execute());
    }

    int size(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM jellyfin_episode_items WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).one());
    }
}
