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

    private final java.util.Map<String, java.util.concurrent.atomic.AtomicLong[]> disks = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Per disk: {@code pathary_cleanup_disk_free_bytes}, {@code pathary_cleanup_disk_threshold_free_bytes} and
     * {@code pathary_cleanup_disk_target_free_bytes} (NaN while unknown), from the latest plan or run.
     */
    void disks(java.util.List<app.pathary.cleanup.plan.DiskState> states) {
        for (app.pathary.cleanup.plan.DiskState disk : states) {
            java.util.concurrent.atomic.AtomicLong[] values = disks.computeIfAbsent(disk.name(), name -> {
                java.util.concurrent.atomic.AtomicLong[] fresh = {new java.util.concurrent.atomic.AtomicLong(-1),
                        new java.util.concurrent.atomic.AtomicLong(-1), new java.util.concurrent.atomic.AtomicLong(-1)};
                String[] names = {"pathary.cleanup.disk.free", "pathary.cleanup.disk.threshold.free", "pathary.cleanup.disk.target.free"};
                for (int i = 0; i < 3; i++) {
                    java.util.concurrent.atomic.AtomicLong value = fresh[i];
                    io.micrometer.core.instrument.Gauge.builder(names[i], () -> value.get() < 0 ? Double.NaN : value.get()).tag("disk", name)
                            .baseUnit("bytes").description("Free bytes on a disk the *arr report (threshold, target: the free space they ask for)")
                            .register(meters);
                }
                return fresh;
            });
            values[0].set(disk.freeBytes() == null ? -1 : disk.freeBytes());
            values[1].set(disk.thresholdFree() == null ? -1 : disk.thresholdFree());
            values[2].set(disk.targetFree() == null ? -1 : disk.targetFree());
        }
    }

    /** {@code pathary_cleanup_disk_reclaimed_bytes_total{disk}}: bytes an execution deleted per disk. */
    void reclaimed(java.util.Map<String, Long> byDisk) {
        byDisk.forEach((disk, bytes) -> Counter.builder("pathary.cleanup.disk.reclaimed").tag("disk", disk).baseUnit("bytes")
                .description("Bytes of media files deleted by cleanup, per disk").register(meters).increment(bytes));
    }

    private Timer plans(String result) {
        return Timer.builder("pathary.cleanup.plan").tag("result", result).description("Time taken to make a cleanup plan").register(meters);
    }

    private Counter actions(String result) {
        return Counter.builder("pathary.cleanup.actions").tag("result", result).description("Executed cleanup entries by result")
                .register(meters);
    }
}
