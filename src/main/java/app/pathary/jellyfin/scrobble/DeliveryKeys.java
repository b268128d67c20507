package app.pathary.jellyfin.scrobble;

import app.pathary.db.PlainStatements;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;

/**
 * The keys of webhook deliveries already counted, per Pathary user. A key is claimed in the play's transaction, so
 * the same delivery twice counts once. Keys older than {@link #KEPT} are dropped, at most once per
 * {@link #PRUNE_EVERY} instead of with every delivery: during a burst of plays the prune would be one more statement
 * per delivery on SQLite's single writer, always deleting nothing.
 */
final class DeliveryKeys {
    static final Duration KEPT = Duration.ofDays(30);
    static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private final Clock clock;
    private final AtomicLong nextPrune = new AtomicLong(Long.MIN_VALUE);

    DeliveryKeys(Clock clock) {
        this.clock = clock;
    }

    /**
     * Claims the key in the caller's transaction; false when it was already claimed. Plain JDBC: this runs with every
     * delivery ({@link PlainStatements}).
     */
    boolean claim(Handle h, long userId, String key) {
        long now = clock.millis();
        boolean claimed = PlainStatements.update(h, """
                        INSERT INTO jellyfin_scrobbles (user_id, delivery_key, received_at) VALUES (?, ?, ?)
                        ON CONFLICT (user_id, delivery_key) DO NOTHING""", userId, key, now) == 1;
        long due = nextPrune.get();
        if (claimed && now >= due && nextPrune.compareAndSet(due, now + PRUNE_EVERY.toMillis())) {
            h.createUpdate("DELETE FROM jellyfin_scrobbles WHERE received_at < :old").bind("old", now - KEPT.toMillis()).execute();
        }
        return claimed;
    }
}
