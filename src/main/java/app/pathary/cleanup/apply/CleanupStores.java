package app.pathary.cleanup.apply;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** What the cleanup keeps in the database: its plans, the hand exclusions and the audit log. */
record CleanupStores(CleanupPlans plans, CleanupExclusions exclusions, CleanupAudit audit) {
    public static CleanupStores of(Jdbi jdbi, Clock clock) {
        return new CleanupStores(new CleanupPlans(jdbi, clock), new CleanupExclusions(jdbi, clock), new CleanupAudit(jdbi, clock));
    }
}
