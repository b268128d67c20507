package app.pathary.cleanup.instances;

import app.pathary.config.ConfigException;
import app.pathary.config.Environment;
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
    public static final String MAX_DELETIONS = "CLEANUP_MAX_DELETIONS_PER_RUN";
    public static final String MAX_PERCENT = "CLEANUP_MAX_DELETE_PERCENT";
    public static final String MAX_AGE = "CLEANUP_PLAN_MAX_AGE_HOURS";

    public static CleanupLimits defaults() {
        return new CleanupLimits(200, 50, Duration.ofHours(24));
    }

    /** Reads the three variables; an invalid value stops startup with a sentence naming it. */
    public static CleanupLimits from(Environment environment) {
        CleanupLimits defaults = defaults();
        return new CleanupLimits(
                number(environment, MAX_DELETIONS, defaults.maxDeletions(), 0, 1_000_000),
                number(environment, MAX_PERCENT, defaults.maxDeletePercent(), 1, 100),
                Duration.ofHours(number(environment, MAX_AGE, (int) defaults.planMaxAge().toHours(), 1, 24 * 365)));
    }

    private static int number(Environment environment, String name, int fallback, int min, int max) {
        String value = environment.get(name).map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
        }
        return Integer.parseInt(value);
    }
}
