package app.pathary.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How far one cleanup run may reach, how long a plan stays executable, and how often a cleanup runs by itself.
 *
 * @param maxDeletionsPerRun CLEANUP_MAX_DELETIONS_PER_RUN (default 200)
 * @param maxDeletePercent   CLEANUP_MAX_DELETE_PERCENT (default 50)
 * @param planMaxAge         CLEANUP_PLAN_MAX_AGE_HOURS (default 24)
 * @param schedule           CLEANUP_SCHEDULE_HOURS: empty means no scheduled cleanup
 * @param leaving            the leaving-soon schedule, collections and keep requests ({@link LeavingOptions})
 * @param disks              disk pressure: threshold, target, waiting items ({@link DiskOptions})
 */
public record CleanupOptions(int maxDeletionsPerRun, int maxDeletePercent, Duration planMaxAge, Optional<Duration> schedule,
        LeavingOptions leaving, DiskOptions disks) {
    public static final String MAX_DELETIONS = "CLEANUP_MAX_DELETIONS_PER_RUN";
    public static final String MAX_PERCENT = "CLEANUP_MAX_DELETE_PERCENT";
    public static final String MAX_AGE = "CLEANUP_PLAN_MAX_AGE_HOURS";
    public static final String SCHEDULE = "CLEANUP_SCHEDULE_HOURS";

    /** With the leaving-soon options at their defaults. */
    public CleanupOptions(int maxDeletionsPerRun, int maxDeletePercent, Duration planMaxAge, Optional<Duration> schedule) {
        this(maxDeletionsPerRun, maxDeletePercent, planMaxAge, schedule, LeavingOptions.defaults());
    }

    /** Without disk pressure. */
    public CleanupOptions(int maxDeletionsPerRun, int maxDeletePercent, Duration planMaxAge, Optional<Duration> schedule, LeavingOptions leaving) {
        this(maxDeletionsPerRun, maxDeletePercent, planMaxAge, schedule, leaving, DiskOptions.none());
    }

    public static CleanupOptions defaults() {
        return new CleanupOptions(200, 50, Duration.ofHours(24), Optional.empty());
    }

    public static CleanupOptions parse(Environment environment) {
        CleanupOptions defaults = defaults();
        return new CleanupOptions(
                environment.get(MAX_DELETIONS).map(v -> OptionRules.wholeNumber(MAX_DELETIONS, v, 0, 1_000_000))
                        .orElse(defaults.maxDeletionsPerRun()),
                environment.get(MAX_PERCENT).map(v -> OptionRules.wholeNumber(MAX_PERCENT, v, 1, 100)).orElse(defaults.maxDeletePercent()),
                environment.get(MAX_AGE).map(v -> Duration.ofHours(OptionRules.wholeNumber(MAX_AGE, v, 1, 24 * 365)))
                        .orElse(defaults.planMaxAge()),
                environment.get(SCHEDULE).map(v -> Duration.ofHours(OptionRules.wholeNumber(SCHEDULE, v, 1, 9999))),
                LeavingOptions.parse(environment), DiskOptions.parse(environment));
    }
}
