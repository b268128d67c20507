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

    /**
     * One cleanup run as the audit log shows it: who started it, for which plan, when, what it did in total (bytes of
     * the deletions that went through) and its rows.
     */
    public record RunTotals(String runId, Long planId, String startedBy, Instant startedAt, Instant finishedAt, int actions, int deleted,
            int failed, long bytesDeleted, List<AuditRow> rows) {
        public String gigabytes() {
            return String.format(java.util.Locale.ROOT, "%.2f GB", bytesDeleted / 1e9);
        }
    }

    private static final String RUN_TOTALS = """
            SELECT run_id, MAX(plan_id) AS plan_id, MAX(started_by) AS started_by, MIN(at) AS first_at, MAX(at) AS last_at,
                   COUNT(*) AS actions, SUM(CASE WHEN result LIKE 'deleted%' THEN 1 ELSE 0 END) AS deleted,
                   SUM(CASE WHEN result LIKE 'failed%' THEN 1 ELSE 0 END) AS failed,
                   SUM(CASE WHEN result LIKE 'deleted%' THEN bytes ELSE 0 END) AS bytes_deleted, MAX(id) AS last_id
            FROM cleanup_audit""";

    /** How many runs the audit log holds. */
    public int runCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT run_id) FROM cleanup_audit").mapTo(Integer.class).one());
    }

    /** Runs, newest first, {@code limit} of them after skipping {@code offset}, each with its totals and rows. */
    public List<RunTotals> runs(int offset, int limit) {
        return runs(RUN_TOTALS + " GROUP BY run_id ORDER BY last_id DESC LIMIT :n OFFSET :o", q -> q.bind("n", limit).bind("o", offset));
    }

    /** The runs that executed plan {@code planId}, newest first. */
    public List<RunTotals> runsOf(long planId) {
        return runs(RUN_TOTALS + " WHERE plan_id = :plan GROUP BY run_id ORDER BY last_id DESC", q -> q.bind("plan", planId));
    }

    private List<RunTotals> runs(String sql, java.util.function.UnaryOperator<org.jdbi.v3.core.statement.Query> binds) {
        return jdbi.withHandle(h -> {
            List<RunTotals> totals = binds.apply(h.createQuery(sql)).map((rs, ctx) -> {
                long plan = rs.getLong("plan_id");
                Long planId = rs.wasNull() ? null : plan;
                return new RunTotals(rs.getString("run_id"), planId, rs.getString("started_by"),
                        Instant.ofEpochMilli(rs.getLong("first_at")), Instant.ofEpochMilli(rs.getLong("last_at")), rs.getInt("actions"),
                        rs.getInt("deleted"), rs.getInt("failed"), rs.getLong("bytes_deleted"), List.of());
            }).list();
            if (totals.isEmpty()) {
                return totals;
            }
            java.util.Map<String, List<AuditRow>> rows = h.createQuery("SELECT * FROM cleanup_audit WHERE run_id IN (<runs>) ORDER BY id")
                    .bindList("runs", totals.stream().map(RunTotals::runId).toList()).map(ROW).list().stream()
                    .collect(java.util.stream.Collectors.groupingBy(AuditRow::runId));
            return totals.stream().map(t -> new RunTotals(t.runId(), t.planId(), t.startedBy(), t.startedAt(), t.finishedAt(), t.actions(),
                    t.deleted(), t.failed(), t.bytesDeleted(), rows.getOrDefault(t.runId(), List.of()))).toList();
        });
    }

    private static final org.jdbi.v3.core.mapper.RowMapper<AuditRow> ROW = (rs, ctx) -> new AuditRow(Instant.ofEpochMilli(rs.getLong("at")),
            rs.getString("run_id"), rs.getString("started_by"), rs.getString("instance"), rs.getString("item"), rs.getString("action"),
            rs.getLong("bytes"), rs.getString("result"), rs.getString("reasons"));

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
