package app.pathary.cleanup.leaving;

import app.pathary.common.ConflictException;
import app.pathary.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The stored keep requests ({@code cleanup_keep_requests}) and the keeps they grant. */
public final class KeepRequests {
    private static final RowMapper<KeepRequest> ROW = (rs, ctx) -> {
        long decided = rs.getLong("decided_at");
        Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
        String until = rs.getString("keep_until");
        return new KeepRequest(rs.getLong("id"), rs.getString("item_key"), rs.getString("title"), LeavingStore.ids(rs.getString("jellyfin_ids")),
                rs.getString("requested_by"), rs.getString("comment"), Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("status"),
                rs.getString("decided_by"), decidedAt, rs.getString("note"), until == null ? null : LocalDate.parse(until));
    };
    private final Jdbi jdbi;
    private final Clock clock;

    public KeepRequests(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores a request for {@code item}; with {@code grantUntil} it is granted at once (CLEANUP_KEEP_REQUESTS=auto). A user
     * has at most one open request per item.
     */
    public KeepRequest request(LeavingItem item, String by, String comment, LocalDate grantUntil) {
        return jdbi.inTransaction(h -> {
            boolean open = h.createQuery("SELECT COUNT(*) FROM cleanup_keep_requests WHERE item_key = :k AND requested_by = :by AND status = 'pending'")
                    .bind("k", item.key()).bind("by", by).mapTo(Integer.class).one() > 0;
            if (open) {
                throw new ConflictException("You already asked to keep " + item.title() + "; an admin will decide.");
            }
            long id = h.createQuery("""
                            INSERT INTO cleanup_keep_requests (item_key, title, jellyfin_ids, requested_by, comment, created_at, status, decided_at, keep_until)
                            VALUES (:k, :title, :ids, :by, :comment, :now, :status, :decided, :until) RETURNING id""")
                    .bind("k", item.key()).bind("title", item.title()).bind("ids", String.join(",", item.jellyfinIds())).bind("by", by)
                    .bind("comment", comment).bind("now", clock.millis()).bind("status", grantUntil == null ? KeepRequest.PENDING : KeepRequest.APPROVED)
                    .bind("decided", grantUntil == null ? null : clock.millis()).bind("until", grantUntil == null ? null : grantUntil.toString())
                    .mapTo(Long.class).one();
            return h.createQuery("SELECT * FROM cleanup_keep_requests WHERE id = :id").bind("id", id).map(ROW).one();
        });
    }

    /** An admin's decision on a pending request: approve (keep until {@code until}, null = for good) or decline. */
    public KeepRequest decide(long id, boolean approve, String by, String note, LocalDate until) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE cleanup_keep_requests SET status = :status, decided_by = :by, decided_at = :now, note = :note, keep_until = :until
                            WHERE id = :id AND status = 'pending'""")
                    .bind("status", approve ? KeepRequest.APPROVED : KeepRequest.DECLINED).bind("by", by).bind("now", clock.millis())
                    .bind("note", note).bind("until", approve && until != null ? until.toString() : null).bind("id", id).execute();
            Optional<KeepRequest> request = h.createQuery("SELECT * FROM cleanup_keep_requests WHERE id = :id").bind("id", id).map(ROW).findOne();
            if (request.isEmpty()) {
                throw new NotFoundException("There is no keep request " + id + ".");
            }
            if (changed == 0) {
                throw new ConflictException("Keep request " + id + " was already decided: " + request.get().decision() + ".");
            }
            return request.get();
        });
    }

    public List<KeepRequest> pending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_keep_requests WHERE status = 'pending' ORDER BY created_at, id").map(ROW).list());
    }

    /** The latest requests, newest first ({@code by} null: everyone's). */
    public List<KeepRequest> recent(String by, int limit) {
        String where = by == null ? "" : "WHERE requested_by = :by ";
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_keep_requests " + where + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bindMap(by == null ? Map.of() : Map.of("by", by)).bind("limit", limit).map(ROW).list());
    }

    /** Jellyfin id → the sentence of each request that holds its item on {@code today} (pending, or approved and not expired). */
    public Map<String, String> holding(LocalDate today) {
        Map<String, String> reasons = new HashMap<>();
        List<KeepRequest> open = jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM cleanup_keep_requests WHERE status IN ('pending', 'approved') ORDER BY created_at, id").map(ROW).list());
        for (KeepRequest request : open) {
            if (request.holds(today)) {
                request.jellyfinIds().forEach(id -> reasons.putIfAbsent(id, request.reason()));
            }
        }
        return reasons;
    }
}
