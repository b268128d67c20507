package app.pathary.jellyfin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The latest webhook deliveries of each user and what became of them; older rows are dropped as new ones come. */
public final class DeliveryLog {
    static final int KEPT = 100;
    private final Jdbi jdbi;
    private final Clock clock;

    public DeliveryLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public record Delivery(Instant receivedAt, String title, String result, String reason) {
    }

    void record(long userId, String title, String result, String reason) {
        jdbi.useHandle(h -> record(h, userId, title, result, reason));
    }

    void record(Handle h, long userId, String title, String result, String reason) {
        h.createUpdate("INSERT INTO jellyfin_deliveries (user_id, received_at, title, result, reason) VALUES (:u, :now, :t, :r, :why)")
                .bind("u", userId).bind("now", clock.millis()).bind("t", title).bind("r", result).bind("why", reason).execute();
        h.createUpdate("""
                        DELETE FROM jellyfin_deliveries WHERE user_id = :u AND id <= (
                            SELECT id FROM jellyfin_deliveries WHERE user_id = :u ORDER BY id DESC LIMIT 1 OFFSET :kept)""")
                .bind("u", userId).bind("kept", KEPT).execute();
    }

    public List<Delivery> latest(long userId, int count) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT received_at, title, result, reason FROM jellyfin_deliveries WHERE user_id = :u ORDER BY id DESC LIMIT :n")
                .bind("u", userId).bind("n", count)
                .map((rs, ctx) -> new Delivery(Instant.ofEpochMilli(rs.getLong("received_at")), rs.getString("title"),
                        rs.getString("result"), rs.getString("reason")))
                .list());
    }
}
