package app.pathary.jellyfin.sync;

import app.pathary.common.Rows;
import app.pathary.show.ShowIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Makes the user's index exactly {@code episodes}, touching only rows that differ: one read of what is stored, then
     * deletes of vanished or changed items and inserts of new or changed ones (a re-import of an unchanged library
     * writes nothing).
     */
    void replace(long userId, List<LibraryEpisode> episodes) {
        jdbi.useTransaction(h -> {
            Map<String, Row> stored = new HashMap<>();
            h.createQuery("SELECT item_id, tvdb_id, tmdb_id, imdb_id, season, number FROM jellyfin_episode_items WHERE user_id = :u")
                    .bind("u", userId)
                    .map((rs, ctx) -> new Row(rs.getString("item_id"), new ShowIds(Rows.nullableInt(rs, "tvdb_id"),
                            Rows.nullableInt(rs, "tmdb_id"), rs.getString("imdb_id")), rs.getInt("season"), rs.getInt("number")))
                    .forEach(row -> stored.put(row.itemId(), row));
            List<Row> inserts = new ArrayList<>();
            for (LibraryEpisode episode : episodes) {
                Row row = new Row(episode.itemId(), episode.series().ids(), episode.season(), episode.number());
                if (row.equals(stored.get(row.itemId()))) {
                    stored.remove(row.itemId());
                } else {
                    inserts.add(row);
                }
            }
            var deletes = h.prepareBatch("DELETE FROM jellyfin_episode_items WHERE user_id = :u AND item_id = :item");
            // what is left of the stored rows vanished from Jellyfin or changed (a changed one is inserted anew below)
            stored.keySet().forEach(item -> deletes.bind("u", userId).bind("item", item).add());
            if (deletes.size() > 0) {
                deletes.execute();
            }
            var batch = h.prepareBatch("""
                    INSERT INTO jellyfin_episode_items (user_id, item_id, tvdb_id, tmdb_id, imdb_id, season, number)
                    VALUES (:u, :item, :tvdb, :tmdb, :imdb, :season, :number)""");
            for (Row row : inserts) {
                ShowIds ids = row.ids();
                batch.bind("u", userId).bind("item", row.itemId()).bind("tvdb", ids.tvdbId()).bind("tmdb", ids.tmdbId())
                        .bind("imdb", ids.imdbId()).bind("season", row.season()).bind("number", row.number()).add();
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
    }

    /** One stored row: a Jellyfin item and the episode it is. */
    private record Row(String itemId, ShowIds ids, int season, int number) {
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
