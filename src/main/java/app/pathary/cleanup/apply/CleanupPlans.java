package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.watched.WatchedReportRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Stored cleanup plans (JSON, the latest kept), each with its id, digest and, once executed, its outcome. */
public final class CleanupPlans {
    private final Jdbi jdbi;
    private final Clock clock;

    public CleanupPlans(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }
    static final int PLANS_KEPT = 10;
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
        return latestPlan().map(CleanupPlans::planJson);
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

    private static final org.jdbi.v3.core.mapper.RowMapper<StoredPlan> STORED = (rs, ctx) -> {
        CleanupPlan plan;
        try {
            plan = WatchedReportRepository.JSON.readValue(rs.getString("plan"), CleanupPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored plan " + rs.getLong("id") + " cannot be read", e);
        }
        plan = plan.id() == null ? plan.withId(rs.getLong("id")) : plan;
        long executed = rs.getLong("executed_at");
        return new StoredPlan(plan, rs.wasNull() ? null : Instant.ofEpochMilli(executed), rs.getString("executed_by"), rs.getString("execution"));
    };

    public static String planJson(CleanupPlan plan) {
        try {
            return WatchedReportRepository.JSON.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
