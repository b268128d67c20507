package app.pathary.cleanup;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** The cleanup's stored records: hand exclusions, the latest plans (JSON) and the audit log. */
public final class CleanupRecords {
    static final int PLANS_KEPT = 10;
    private final Jdbi jdbi;
    private final Clock clock;

    public CleanupRecords(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public record Exclusion(String jellyfinId, String title, String excludedBy, Instant at) {
    }

    public record AuditRow(Instant at, String runId, String startedBy, String instance, String item, String action, long bytes,
            String result, String reasons) {
    }

    public void exclude(String jellyfinId, String title, String by) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO cleanup_exclusions (jellyfin_id, title, excluded_by, created_at) VALUES (:id, :t, :by, :now)
                        ON CONFLICT (jellyfin_id) DO NOTHING""")
                .bind("id", jellyfinId).bind("t", title).bind("by", by).bind("now", clock.millis()).execute());
    }

    public void include(String jellyfinId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM cleanup_exclusions WHERE jellyfin_id = :id").bind("id", jellyfinId).execute());
    }

    public List<Exclusion> exclusions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_exclusions ORDER BY title")
                .map((rs, ctx) -> new Exclusion(rs.getString("jellyfin_id"), rs.getString("title"), rs.getString("excluded_by"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    public Set<String> excludedIds() {
        return Set.copyOf(exclusions().stream().map(Exclusion::jellyfinId).toList());
    }

    public long savePlan(CleanupPlan plan) {
        String json = planJson(plan);
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("INSERT INTO cleanup_plans (created_at, plan) VALUES (:at, :json) RETURNING id")
                    .bind("at", plan.createdAt().toEpochMilli()).bind("json", json).mapTo(Long.class).one();
            h.createUpdate("DELETE FROM cleanup_plans WHERE id <= (SELECT id FROM cleanup_plans ORDER BY id DESC LIMIT 1 OFFSET :kept)")
                    .bind("kept", PLANS_KEPT).execute();
            return id;
        });
    }

    public Optional<String> latestPlanJson() {
        return jdbi.withHandle(h -> h.createQuery("SELECT plan FROM cleanup_plans ORDER BY id DESC LIMIT 1").mapTo(String.class).findOne());
    }

    public Optional<CleanupPlan> latestPlan() {
        return latestPlanJson().map(json -> {
            try {
                return WatchedReports.JSON.readValue(json, CleanupPlan.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored plan cannot be read", e);
            }
        });
    }

    public static String planJson(CleanupPlan plan) {
        try {
            return WatchedReports.JSON.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void audit(String runId, String startedBy, PlanEntry entry, String result) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO cleanup_audit (at, run_id, started_by, instance, item, action, bytes, result, reasons)
                        VALUES (:at, :run, :by, :instance, :item, :action, :bytes, :result, :reasons)""")
                .bind("at", clock.millis()).bind("run", runId).bind("by", startedBy).bind("instance", entry.instance())
                .bind("item", entry.title()).bind("action", entry.action()).bind("bytes", entry.bytes()).bind("result", result)
                .bind("reasons", String.join("; ", entry.reasons())).execute());
    }

    public List<AuditRow> audit(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_audit ORDER BY id DESC LIMIT :n").bind("n", limit)
                .map((rs, ctx) -> new AuditRow(Instant.ofEpochMilli(rs.getLong("at")), rs.getString("run_id"), rs.getString("started_by"),
                        rs.getString("instance"), rs.getString("item"), rs.getString("action"), rs.getLong("bytes"),
                        rs.getString("result"), rs.getString("reasons")))
                .list());
    }
}
