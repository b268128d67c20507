package app.pathary.cleanup.instances;

import app.pathary.config.CleanupOptions;
import java.time.Duration;

/**
 * How far one cleanup run may reach before an admin must confirm it, and how long a plan stays executable.
 *
 * @param maxDeletions     CLEANUP_MAX_DELETIONS_PER_RUN: more deletions than this in one plan need an override
 * @param maxDeletePercent CLEANUP_MAX_DELETE_PERCENT: a plan that would delete more than this share of one instance's
 *                         items (movies, or episode files) needs an override
 * @param planMaxAge       CLEANUP_PLAN_MAX_AGE_HOURS: an older plan is refused; make a new one
 */
public record CleanupLimits(int maxDeletions, int maxDeletePercent, Duration planMaxAge) {
    public static final String MAX_DELETIONS = CleanupOptions.MAX_DELETIONS;
    public static final String MAX_PERCENT = CleanupOptions.MAX_PERCENT;
    public static final String MAX_AGE = CleanupOptions.MAX_AGE;

    public static CleanupLimits defaults() {
        return from(CleanupOptions.defaults());
    }

    /** The limits the configuration sets (parsed and checked at startup). */
    public static CleanupLimits from(CleanupOptions options) {
        return new CleanupLimits(options.maxDeletionsPerRun(), options.maxDeletePercent(), options.planMaxAge());
    }
}
