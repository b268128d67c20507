package app.pathary.cleanup.apply;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Cleanup for Prometheus: {@code pathary_cleanup_plan_seconds{result="made"|"failed"}} (how long making a plan took:
 * the Jellyfin sweep, the *arr reads and the planner), {@code pathary_cleanup_actions_total{result}} (each executed
 * entry: deleted, already_gone, skipped, failed) and {@code pathary_cleanup_reclaimed_bytes_total}. All exist from the
 * start at 0.
 */
public final class CleanupMetrics {
    private final MeterRegistry meters;
    private final Counter reclaimed;

    public CleanupMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.reclaimed = Counter.builder("pathary.cleanup.reclaimed").baseUnit("bytes")
                .description("Bytes of media files deleted by cleanup").register(meters);
        for (String result : new String[] {"deleted", "already_gone", "skipped", "failed"}) {
            actions(result);
        }
        plans("made");
        plans("failed");
    }

    void planned(long nanos, boolean made) {
        plans(made ? "made" : "failed").record(nanos, TimeUnit.NANOSECONDS);
    }

    void executed(CleanupExecutor.Outcome outcome) {
        actions("deleted").increment(outcome.deleted());
        actions("already_gone").increment(outcome.alreadyGone());
        actions("skipped").increment(outcome.skipped());
        actions("failed").increment(outcome.failed());
        reclaimed.increment(outcome.bytes());
    }

    private Timer plans(String result) {
        return Timer.builder("pathary.cleanup.plan").tag("result", result).description("Time taken to make a cleanup plan").register(meters);
    }

    private Counter actions(String result) {
        return Counter.builder("pathary.cleanup.actions").tag("result", result).description("Executed cleanup entries by result")
                .register(meters);
    }
}
