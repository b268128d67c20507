package app.pathary;

import app.pathary.cleanup.apply.CleanupExecutor;
import app.pathary.cleanup.apply.RunListener;
import app.pathary.notify.Notifications;
import app.pathary.notify.RunSummary;
import java.util.HashMap;
import java.util.Map;

/** Tells notifications what cleanup runs did: the "deleted" summary, and the reason when a run stopped or failed. */
final class CleanupNotices implements RunListener {
    private final Notifications notifications;

    CleanupNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void executed(long planId, String startedBy, CleanupExecutor.Outcome outcome) {
        Map<String, RunSummary.InstanceCount> byInstance = new HashMap<>();
        outcome.byInstance().forEach((name, tally) -> byInstance.put(name, new RunSummary.InstanceCount(tally.items(), tally.bytes())));
        notifications.deleted(new RunSummary(planId, startedBy, outcome.deleted(), outcome.bytes(), byInstance, outcome.skipped(), outcome.failed()));
        if (outcome.stoppedBecause() != null) {
            notifications.runStopped(outcome.stoppedBecause());
        }
    }

    @Override
    public void failed(String reason) {
        notifications.runStopped(reason);
    }
}
