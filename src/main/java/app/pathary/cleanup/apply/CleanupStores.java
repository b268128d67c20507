package app.pathary.cleanup.apply;

import app.pathary.cleanup.leaving.LeavingSoon;
import app.pathary.cleanup.leaving.LeavingSoonEvents;
import app.pathary.config.LeavingOptions;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What the cleanup keeps in the database: its plans, the hand exclusions, the audit log and the leaving-soon schedule. */
record CleanupStores(CleanupPlans plans, CleanupExclusions exclusions, CleanupAudit audit, LeavingSoon leaving, DiskSamples disks) {
    /** Without an announcement period (CLEANUP_LEAVING_SOON_DAYS=0): plans delete what is eligible now. */
    public static CleanupStores of(Jdbi jdbi, Clock clock) {
        LeavingOptions now = new LeavingOptions(0, false, "Leaving soon", "Leaving soon: series", LeavingOptions.KeepRequests.ADMIN, 30);
        return of(jdbi, clock, new LeavingSoon.Setting(now, clock, ZoneOffset.UTC, LeavingSoonEvents.NONE));
    }

    public static CleanupStores of(Jdbi jdbi, Clock clock, LeavingSoon.Setting leaving) {
        return new CleanupStores(new CleanupPlans(jdbi, clock), new CleanupExclusions(jdbi, clock), new CleanupAudit(jdbi, clock),
                LeavingSoon.of(jdbi, leaving), new DiskSamples(jdbi, clock));
    }

    /** Jellyfin id → why it is kept by hand now: an admin's exclusion, or a keep request (pending or granted). */
    Map<String, String> keepReasons(ZoneId zone) {
        Map<String, String> reasons = new HashMap<>(leaving.holding());
        reasons.putAll(exclusions.exclusionReasons(zone));
        return reasons;
    }
}
