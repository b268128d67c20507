package app.pathary.cleanup.leaving;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.PlanEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure: puts a fresh plan on the leaving-soon schedule. A deletion first seen today is announced for today + N days; one
 * already on the schedule keeps its date. Only deletions whose date has come stay deletions; the others become
 * {@link PlanEntry#LEAVING} entries ("leaving on D"), which nothing executes. A scheduled item the plan no longer deletes
 * leaves the schedule with the plan's reason for it (a favourite, a new play, an exclusion, a keep tag, a keep request).
 */
public final class LeavingPlan {
    private LeavingPlan() {
    }

    /** The scheduled plan, the schedule rows to store, and the items that left the schedule (key → reason). */
    public record Result(CleanupPlan plan, List<LeavingItem> scheduled, List<LeavingItem> announced, Map<String, String> left) {
    }

    /** The schedule's key of a deletion: the Radarr movie, or the Sonarr series and the season's title. */
    public static String key(PlanEntry entry) {
        return entry.action().equals(PlanEntry.DELETE_MOVIE) || "movie".equals(kindOf(entry))
                ? "movie|" + entry.instance() + "|" + entry.arrId()
                : "season|" + entry.instance() + "|" + entry.arrId() + "|" + entry.title();
    }

    private static String kindOf(PlanEntry entry) {
        return entry.movieAction() != null || entry.movieFileId() != null ? "movie" : "season";
    }

    /**
     * @param current the items on the schedule now (state leaving), by key
     * @param days    CLEANUP_LEAVING_SOON_DAYS; 0 makes every deletion due today
     */
    public static Result schedule(CleanupPlan plan, Map<String, LeavingItem> current, LocalDate today, int days) {
        List<PlanEntry> entries = new ArrayList<>();
        List<LeavingItem> scheduled = new ArrayList<>();
        List<LeavingItem> announced = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> seriesStillLeaving = new HashSet<>();
        for (PlanEntry entry : plan.entries()) {
            if (!entry.deletes()) {
                entries.add(entry);
                continue;
            }
            String key = key(entry);
            seen.add(key);
            LeavingItem before = current.get(key);
            LocalDate first = before == null ? today : before.firstSeen();
            LocalDate on = before == null ? today.plusDays(days) : before.leavesOn();
            if (days == 0 && on.isAfter(today)) {
                on = today;
            }
            LeavingItem item = new LeavingItem(key, kindOf(entry), entry.title(), entry.instance(), entry.jellyfinIds(), entry.bytes(),
                    String.join("; ", entry.reasons()), first, on, LeavingItem.LEAVING, null);
            scheduled.add(item);
            if (before == null && on.isAfter(today)) {
                announced.add(item);
            }
            List<String> reasons = new ArrayList<>();
            if (on.isAfter(today)) {
                reasons.add("leaving on " + on + " (announced on " + first + "); not deleted before then");
                reasons.addAll(entry.reasons());
                entries.add(new PlanEntry(PlanEntry.LEAVING, entry.instance(), entry.arrId(), entry.jellyfinIds(), entry.title(), entry.path(),
                        entry.bytes(), reasons, entry.movieAction(), entry.movieFileId(), entry.episodeFileIds(), entry.episodeIds(),
                        entry.deleteSeries()));
                if (entry.action().equals(PlanEntry.DELETE_EPISODE_FILES)) {
                    seriesStillLeaving.add(entry.instance() + "/" + entry.arrId());
                }
            } else {
                if (days > 0) {
                    reasons.add("its date " + on + " has come (announced on " + first + ")");
                }
                reasons.addAll(entry.reasons());
                entries.add(withReasons(entry, reasons, entry.deleteSeries()));
            }
        }
        // a series entry goes only with its last files; while one of its seasons is still announced, it stays
        for (int i = 0; i < entries.size(); i++) {
            PlanEntry entry = entries.get(i);
            if (entry.deletes() && Boolean.TRUE.equals(entry.deleteSeries()) && seriesStillLeaving.contains(entry.instance() + "/" + entry.arrId())) {
                entries.set(i, withReasons(entry, entry.reasons(), null));
            }
        }
        Map<String, String> left = new LinkedHashMap<>();
        for (LeavingItem item : current.values()) {
            if (!seen.contains(item.key())) {
                left.put(item.key(), whyLeft(item, plan.entries()));
            }
        }
        CleanupPlan result = new CleanupPlan(plan.id(), plan.createdAt(), plan.today(), plan.watchedPolicy(), entries, plan.warnings(), plan.stops(), plan.disks());
        return new Result(result, scheduled, announced, left);
    }

    private static PlanEntry withReasons(PlanEntry e, List<String> reasons, Boolean deleteSeries) {
        return new PlanEntry(e.action(), e.instance(), e.arrId(), e.jellyfinIds(), e.title(), e.path(), e.bytes(), reasons, e.movieAction(),
                e.movieFileId(), e.episodeFileIds(), e.episodeIds(), deleteSeries);
    }

    /** The plan's reason for an item it no longer deletes: the entry that holds any of its Jellyfin items. */
    private static String whyLeft(LeavingItem item, List<PlanEntry> entries) {
        Set<String> ids = new HashSet<>(item.jellyfinIds());
        return entries.stream().filter(e -> !e.deletes() && e.jellyfinIds().stream().anyMatch(ids::contains)).findFirst()
                .map(e -> String.join("; ", e.reasons().stream().filter(r -> !r.startsWith("matched by")).toList()))
                .filter(s -> !s.isBlank())
                .orElse("no longer in Jellyfin or in Radarr/Sonarr as planned");
    }
}
