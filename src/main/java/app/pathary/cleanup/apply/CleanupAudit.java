package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.PlanEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The audit log: every action a cleanup run took or attempted, with the plan and run it belonged to. */
public final class CleanupAudit {
    private final Jdbi jdbi;
    private final Clock clock;

    public CleanupAudit(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }
    public record AuditRow(Instant at, String runId, String startedBy, String instance, String item, String action, long bytes,
            String result, String reasons) {
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
