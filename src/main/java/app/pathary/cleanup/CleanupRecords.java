package app.pathary.cleanup;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The exclusions as they are now: Jellyfin id → "excluded from cleanup by alice on 2026-03-01 14:05". */
    public Map<String, String> exclusionReasons(ZoneId zone) {
        Map<String, String> reasons = new HashMap<>();
        for (Exclusion exclusion : exclusions()) {
            reasons.put(exclusion.jellyfinId(), "excluded from cleanup by " + exclusion.excludedBy() + " on "
                    + MINUTE.format(exclusion.at().atZone(zone)));
        }
        return reasons;
    }

    /** A stored plan and, once executed, when, by whom and what came of it. */
    public record StoredPlan(CleanupPlan plan, Instant executedAt, String executedBy, String execution) {
        public boolean executed() {
            return executedAt != null;
        }
    }

    /** Stores the plan and returns it with its id; only the latest {@value #PLANS_KEPT} are kept. */
    public CleanupPlan savePlan(CleanupPlan plan) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery("INSERT INTO cleanup_plans (created_at, plan, digest) VALUES (:at, '{}', :digest) RETURNING id")
                    .bind("at", plan.createdAt().toEpochMilli()).bind("digest", plan.digest()).mapTo(Long.class).one();
            CleanupPlan stored = plan.withId(id);
            h.createUpdate("UPDATE cleanup_plans SET plan = :json WHERE id = :id").bind("json", planJson(stored)).bind("id", id).execute();
            h.createUpdate("DELETE FROM cleanup_plans WHERE id <= (SELECT id FROM cleanup_plans ORDER BY id DESC LIMIT 1 OFFSET :kept)")
                    .bind("kept", PLANS_KEPT).execute();
            return stored;
        });
    }

    public Optional<String> latestPlanJson() {
        return latestPlan().map(CleanupRecords::planJson);
    }

    public Optional<CleanupPlan> latestPlan() {
        return latestStoredPlan().map(StoredPlan::plan);
    }

    public Optional<StoredPlan> latestStoredPlan() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_plans ORDER BY id DESC LIMIT 1").map(STORED).findOne());
    }

    public Optional<StoredPlan> plan(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_plans WHERE id = :id").bind("id", id).map(STORED).findOne());
    }

    /**
     * Marks the plan executed, once: returns false when it already was (another run got there first), so a plan is
     * never carried out by two runs.
     */
    public boolean markExecuted(long planId, String by, String execution) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE cleanup_plans SET executed_at = :now, executed_by = :by, execution = :what
                        WHERE id = :id AND executed_at IS NULL""")
                .bind("now", clock.millis()).bind("by", by).bind("what", execution).bind("id", planId).execute()) == 1;
    }

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final org.jdbi.v3.core.mapper.RowMapper<StoredPlan> STORED = (rs, ctx) -> {
        CleanupPlan plan;
        try {
            plan = WatchedReports.JSON.readValue(rs.getString("plan"), CleanupPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored plan " + rs.getLong("id") + " cannot be read", e);
        }
        plan = plan.id() == null ? plan.withId(rs.getLong("id")) : plan;
        long executed = rs.getLong("executed_at");
        return new StoredPlan(plan, rs.wasNull() ? null : Instant.ofEpochMilli(executed), rs.getString("executed_by"), rs.getString("execution"));
    };

    public static String planJson(CleanupPlan plan) {
        try {
            return WatchedReports.JSON.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void audit(String runId, String startedBy, PlanEntry entry, String result) {
        audit(null, runId, startedBy, entry, result);
    }

    void audit(Long planId, String runId, String startedBy, PlanEntry entry, String result) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO cleanup_audit (at, plan_id, run_id, started_by, instance, item, action, bytes, result, reasons)
                        VALUES (:at, :plan, :run, :by, :instance, :item, :action, :bytes, :result, :reasons)""")
                .bind("at", clock.millis()).bind("plan", planId).bind("run", runId).bind("by", startedBy).bind("instance", entry.instance())
                .bind("item", entry.title()).bind("action", entry.action()).bind("bytes", entry.bytes()).bind("result", result)
                .bind("reasons", String.join("; ", entry.reasons())).execute());
    }

    /** How many deletions an earlier run of this plan already made on the instance (a run that stopped or was killed). */
    int deletedBefore(Long planId, String instance) {
        if (planId == null) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM cleanup_audit WHERE plan_id = :plan AND instance = :instance AND result LIKE 'deleted%'""")
                .bind("plan", planId).bind("instance", instance).mapTo(Integer.class).one());
    }

    public List<AuditRow> audit(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_audit ORDER BY id DESC LIMIT :n").bind("n", limit)
                .map((rs, ctx) -> new AuditRow(Instant.ofEpochMilli(rs.getLong("at")), rs.getString("run_id"), rs.getString("started_by"),
                        rs.getString("instance"), rs.getString("item"), rs.getString("action"), rs.getLong("bytes"),
                        rs.getString("result"), rs.getString("reasons")))
                .list());
    }
}
