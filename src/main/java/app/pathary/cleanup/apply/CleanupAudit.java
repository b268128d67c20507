package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.PlanEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log: every action a cleanup run took or attempted, with the plan and run it belonged to. A deletion is
 * written twice: its intent ({@code pending: ...}, committed before the call to Radarr or Sonarr) and then its outcome
 * in the same row, so a deletion cut short by a crash (kill -9, power) still has its row; the run that resumes the
 * plan completes it.
 */
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

    static final String PENDING = "pending: ";

    /** Writes the intent to apply {@code entry} (committed before the call) and returns its row. */
    long intent(Long planId, String runId, String startedBy, PlanEntry entry) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO cleanup_audit (at, plan_id, run_id, started_by, instance, item, action, bytes, result, reasons)
                        VALUES (:at, :plan, :run, :by, :instance, :item, :action, :bytes, :result, :reasons) RETURNING id""")
                .bind("at", clock.millis()).bind("plan", planId).bind("run", runId).bind("by", startedBy).bind("instance", entry.instance())
                .bind("item", entry.title()).bind("action", entry.action()).bind("bytes", entry.bytes())
                .bind("result", PENDING + "the call to " + entry.instance() + " was about to be made; if this stays, Pathary stopped during it")
                .bind("reasons", String.join("; ", entry.reasons())).mapTo(Long.class).one());
    }

    /** Writes the outcome into the intent's row. */
    void complete(long intent, String result) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE cleanup_audit SET at = :at, result = :result WHERE id = :id")
                .bind("at", clock.millis()).bind("result", result).bind("id", intent).execute());
    }

    /** The intent an earlier run of this plan left without an outcome for {@code entry} (it was stopped during the call). */
    java.util.Optional<Long> pending(Long planId, PlanEntry entry) {
        if (planId == null) {
            return java.util.Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM cleanup_audit WHERE plan_id = :plan AND instance = :instance AND item = :item AND action = :action
                        AND result LIKE 'pending:%' ORDER BY id DESC LIMIT 1""")
                .bind("plan", planId).bind("instance", entry.instance()).bind("item", entry.title()).bind("action", entry.action())
                .mapTo(Long.class).findOne());
    }

    /** Completes the intents of this plan still without an outcome (the resumed run did not reach their items). */
    int completeLeftovers(Long planId, String result) {
        if (planId == null) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createUpdate("UPDATE cleanup_audit SET at = :at, result = :result WHERE plan_id = :plan AND result LIKE 'pending:%'")
                .bind("at", clock.millis()).bind("result", result).bind("plan", planId).execute());
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

    /** The deletions done since {@code from}: how many files and their bytes (the dashboard's "reclaimed this month"). */
    public Reclaimed reclaimedSince(Instant from) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) AS files, coalesce(sum(bytes), 0) AS bytes FROM cleanup_audit
                        WHERE at >= :from AND result LIKE 'deleted%'""")
                .bind("from", from.toEpochMilli())
                .map((rs, ctx) -> new Reclaimed(rs.getLong("files"), rs.getLong("bytes"))).one());
    }

    /** Files deleted and the bytes they held. */
    public record Reclaimed(long files, long bytes) {
    }
}
