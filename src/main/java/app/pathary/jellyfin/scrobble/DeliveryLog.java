package app.pathary.jellyfin.scrobble;

import app.pathary.db.PlainStatements;
import app.pathary.db.WriteTransactions;
import app.pathary.jellyfin.link.RecentDeliveries;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest webhook deliveries of each user and what became of them. Older rows are dropped as new ones come, every
 * {@link #TRIM_EVERY} deliveries of a user rather than with each (so a user has at most KEPT + TRIM_EVERY rows per
 * instance): the trim is a statement on SQLite's single writer that a burst of deliveries need not pay each time.
 * The trim runs in a transaction of its own, after the delivery's: housekeeping never holds a play's locks, so on
 * PostgreSQL two replicas trimming the same user's rows at once cannot deadlock a play (a trim that loses such a race
 * simply gives way; the next one catches up).
 */
final class DeliveryLog implements RecentDeliveries {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);
    static final int KEPT = 100;
    /**
     * A trim is a transaction of its own, with its own commit: every tenth delivery cost about 2 % of a steady webhook's
     * CPU, every fiftieth a fifth of that, for at most 50 more short rows per user.
     */
    static final int TRIM_EVERY = 50;
    private final Map<Long, AtomicInteger> sinceTrim = new ConcurrentHashMap<>();
    private final WriteTransactions writes;
    private final Jdbi reads;
    private final Clock clock;

    public DeliveryLog(WriteTransactions writes, Jdbi reads, Clock clock) {
        this.writes = writes;
        this.reads = reads;
        this.clock = clock;
    }

    void record(long userId, String title, String result, String reason) {
        writes.inTransaction(h -> {
            record(h, userId, title, result, reason);
            return null;
        });
        trimNowAndThen(userId);
    }

    /**
     * Logs a delivery in the caller's transaction; the caller calls {@link #trimNowAndThen} once it is committed. Plain
     * JDBC: this runs with every delivery ({@link PlainStatements}).
     */
    void record(Handle h, long userId, String title, String result, String reason) {
        PlainStatements.update(h, "INSERT INTO jellyfin_deliveries (user_id, received_at, title, result, reason) VALUES (?, ?, ?, ?, ?)",
                userId, clock.millis(), title, result, reason);
    }

    /** Every {@link #TRIM_EVERY} deliveries of a user, drops all but their newest {@link #KEPT}. */
    void trimNowAndThen(long userId) {
        if (sinceTrim.computeIfAbsent(userId, u -> new AtomicInteger()).getAndIncrement() % TRIM_EVERY != 0) {
            return;
        }
        try {
            writes.inTransaction(h -> h.createUpdate("""
                            DELETE FROM jellyfin_deliveries WHERE user_id = :u AND id <= (
                                SELECT id FROM jellyfin_deliveries WHERE user_id = :u ORDER BY id DESC LIMIT 1 OFFSET :kept)""")
                    .bind("u", userId).bind("kept", KEPT).execute());
        } catch (RuntimeException e) {
            LOG.debug("Trimming the delivery log of user {} gave way: {}", userId, e.getMessage());
        }
    }

    @Override
    public List<Delivery> latest(long userId, int count) {
        return reads.withHandle(h -> h.createQuery(
                        "SELECT received_at, title, result, reason FROM jellyfin_deliveries WHERE user_id = :u ORDER BY id DESC LIMIT :n")
                .bind("u", userId).bind("n", count)
                .map((rs, ctx) -> new Delivery(Instant.ofEpochMilli(rs.getLong("received_at")), rs.getString("title"),
                        rs.getString("result"), rs.getString("reason")))
                .list());
    }
}
