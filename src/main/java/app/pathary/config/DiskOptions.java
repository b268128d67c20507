package app.pathary.config;

import java.util.Optional;

/**
 * Disk pressure: above the threshold a plan deletes eligible (and, when allowed, waiting) items sooner, in a fixed
 * order, until the projected free space reaches the target. Off while no threshold is set.
 *
 * @param threshold      CLEANUP_DISK_THRESHOLD: {@code 90%} (in use) or {@code 200GB} (free)
 * @param target         CLEANUP_DISK_TARGET: where deleting stops (default: the threshold itself)
 * @param includeWaiting CLEANUP_DISK_INCLUDE_WAITING (default false): watched items still in their grace period may go
 *                       too, last, with the grace shortened
 */
public record DiskOptions(Optional<DiskLimit> threshold, Optional<DiskLimit> target, boolean includeWaiting) {
    public static final String THRESHOLD = "CLEANUP_DISK_THRESHOLD";
    public static final String TARGET = "CLEANUP_DISK_TARGET";
    public static final String INCLUDE_WAITING = "CLEANUP_DISK_INCLUDE_WAITING";

    public static DiskOptions none() {
        return new DiskOptions(Optional.empty(), Optional.empty(), false);
    }

    public static DiskOptions parse(Environment environment) {
        Optional<DiskLimit> threshold = environment.get(THRESHOLD).map(v -> DiskLimit.parse(THRESHOLD, v));
        Optional<DiskLimit> target = environment.get(TARGET).map(v -> DiskLimit.parse(TARGET, v));
        if (target.isPresent() && threshold.isEmpty()) {
            throw new ConfigException(TARGET + " needs " + THRESHOLD + " (the point where deleting starts).");
        }
        check(threshold.orElse(null), target.orElse(null), THRESHOLD, TARGET);
        return new DiskOptions(threshold, target, environment.get(INCLUDE_WAITING).map(v -> OptionRules.bool(INCLUDE_WAITING, v)).orElse(false));
    }

    /** A target of the same kind as its threshold must ask for at least as much free space (hysteresis, never the reverse). */
    static void check(DiskLimit threshold, DiskLimit target, String thresholdName, String targetName) {
        if (threshold == null || target == null) {
            return;
        }
        boolean backwards = threshold.usedPercent() != null && target.usedPercent() != null && target.usedPercent() > threshold.usedPercent()
                || threshold.freeBytes() != null && target.freeBytes() != null && target.freeBytes() < threshold.freeBytes();
        if (backwards) {
            throw new ConfigException(targetName + " (" + target.describe() + ") must ask for at least as much free space as "
                    + thresholdName + " (" + threshold.describe() + ").");
        }
    }

    /** A root folder's own limits from CONFIG_FILE ({@code cleanup.disks}); the instance name is optional. */
    public record RootRule(String rootFolder, Optional<String> instance, DiskLimit threshold, DiskLimit target) {
    }
}
