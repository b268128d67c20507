package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.common.InvalidInputException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the cleanup page lists of a plan: one action (or all), one instance (or all), titles or paths containing a
 * text. Deletions come first, then the largest.
 */
public record PlanFilter(String action, String instance, String search) {
    public static final List<String> ACTIONS = List.of(PlanEntry.DELETE_MOVIE, PlanEntry.DELETE_EPISODE_FILES, PlanEntry.LEAVING,
            PlanEntry.UNMATCHED, PlanEntry.KEEP);

    static PlanFilter of(Context ctx) {
        String action = text(ctx.queryParam("action"));
        if (!action.isEmpty() && !ACTIONS.contains(action)) {
            throw new InvalidInputException("action must be one of " + String.join(", ", ACTIONS) + ".");
        }
        return new PlanFilter(action, text(ctx.queryParam("instance")), text(ctx.queryParam("search")));
    }

    List<PlanEntry> apply(CleanupPlan plan) {
        String needle = search.toLowerCase(Locale.ROOT);
        return plan.entries().stream()
                .filter(e -> action.isEmpty() || e.action().equals(action))
                .filter(e -> instance.isEmpty() || instance.equals(e.instance()))
                .filter(e -> needle.isEmpty() || e.title().toLowerCase(Locale.ROOT).contains(needle)
                        || (e.path() != null && e.path().toLowerCase(Locale.ROOT).contains(needle)))
                .sorted(java.util.Comparator.comparingInt((PlanEntry e) -> ACTIONS.indexOf(e.action()))
                        .thenComparing(java.util.Comparator.comparingLong(PlanEntry::bytes).reversed())
                        .thenComparing(PlanEntry::title))
                .toList();
    }

    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", action);
        query.put("instance", instance);
        query.put("search", search);
        return query;
    }

    /** The heading of an action's entries. */
    public static String heading(String action) {
        return switch (action) {
            case PlanEntry.DELETE_MOVIE -> "Movies to delete";
            case PlanEntry.DELETE_EPISODE_FILES -> "Episode files to delete";
            case PlanEntry.LEAVING -> "Leaving later (announced; not deletable now)";
            case PlanEntry.UNMATCHED -> "Unmatched";
            default -> "Kept";
        };
    }

    /** Gigabytes with two decimals: "7.00 GB". */
    public static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
