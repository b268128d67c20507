package app.pathary.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Every attempt to send a notification: channel, event, title, attempt, ok or the reason it failed (never a secret). */
public final class SendLog {
    static final int KEPT = 1000;
    private final Jdbi jdbi;
    private final Clock clock;

    public SendLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One logged attempt. */
    public record Send(String channel, String event, String title, int attempt, boolean ok, String reason, Instant at) {
    }

    /** The number of the next attempt at the message {@code key}. */
    int nextAttempt(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM notify_sends WHERE message_key = :key").bind("key", key)
                .mapTo(Integer.class).one()) + 1;
    }

    void record(String key, String channel, String event, String title, int attempt, boolean ok, String reason) {
        jdbi.useHandle(h -> {
            h.createUpdate("""
                            INSERT INTO notify_sends (message_key, channel, event, title, attempt, ok, reason, sent_at)
                            VALUES (:key, :channel, :event, :title, :attempt, :ok, :reason, :now)""")
                    .bind("key", key).bind("channel", channel).bind("event", event).bind("title", title.length() > 300 ? title.substring(0, 300) : title)
                    .bind("attempt", attempt).bind("ok", ok).bind("reason", reason).bind("now", clock.millis()).execute();
            h.createUpdate("DELETE FROM notify_sends WHERE id <= (SELECT MAX(id) FROM notify_sends) - :kept").bind("kept", KEPT).execute();
        });
    }

    public List<Send> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM notify_sends ORDER BY id DESC LIMIT :limit").bind("limit", limit)
                .map((rs, ctx) -> new Send(rs.getString("channel"), rs.getString("event"), rs.getString("title"), rs.getInt("attempt"),
                        rs.getBoolean("ok"), rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("sent_at"))))
                .list());
    }
}
