package app.pathary.jellyfin.link;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The last LastPlayedDate Pathary itself wrote to each item of a user's Jellyfin (export, automatic sync). Jellyfin
 * answers such a write with a changed played state, which the catch-up sync would otherwise read back as a play the
 * webhook missed: an item whose LastPlayedDate is exactly what Pathary wrote is Pathary's own echo, and is ignored.
 * A real play later moves the item's LastPlayedDate on, so it no longer matches.
 */
public final class JellyfinWrites {
    private final Jdbi jdbi;
    private final Jdbi reads;
    private final Clock clock;

    public JellyfinWrites(Jdbi jdbi, Jdbi reads, Clock clock) {
        this.jdbi = jdbi;
        this.reads = reads;
        this.clock = clock;
    }

    /** Records that Pathary set the item's LastPlayedDate to {@code playedAt} for this user. */
    public void record(long userId, String itemId, Instant playedAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO jellyfin_writes (user_id, item_id, played_at, written_at) VALUES (:u, :i, :p, :now)
                        ON CONFLICT (user_id, item_id) DO UPDATE SET played_at = excluded.played_at, written_at = excluded.written_at""")
                .bind("u", userId).bind("i", itemId).bind("p", playedAt.toEpochMilli()).bind("now", clock.millis()).execute());
    }

    /** Whether the item's LastPlayedDate is the one Pathary last wrote there (an echo of Pathary's own write). */
    public boolean isEcho(long userId, String itemId, Instant lastPlayed) {
        return lastPlayed != null && reads.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM jellyfin_writes WHERE user_id = :u AND item_id = :i AND played_at = :p")
                .bind("u", userId).bind("i", itemId).bind("p", lastPlayed.toEpochMilli()).mapTo(Integer.class).one()) > 0;
    }

    /** Every item's recorded write for the user (item id to LastPlayedDate), for a run that checks many items. */
    public Map<String, Instant> of(long userId) {
        return reads.withHandle(h -> h.createQuery("SELECT item_id, played_at FROM jellyfin_writes WHERE user_id = :u")
                .bind("u", userId).reduceRows(new java.util.HashMap<String, Instant>(), (map, row) -> {
                    map.put(row.getColumn("item_id", String.class), Instant.ofEpochMilli(row.getColumn("played_at", Long.class)));
                    return map;
                }));
    }
}
