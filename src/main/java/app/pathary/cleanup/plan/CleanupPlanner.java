package app.pathary.cleanup.plan;

import app.pathary.arr.sonarr.EpisodeFile;
import app.pathary.arr.sonarr.SonarrSeries;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.instances.PathMapping;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Verdict;
import app.pathary.watched.WatchedReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pure: turns the watched report and the *arr libraries into a plan. Only eligible items can be deleted; an item an
 * admin excluded, a favourite, a keep tag, a shared file, an airing season or a shared folder keeps it; an item that
 * cannot be matched without doubt is left alone. Every entry says why.
 */
public final class CleanupPlanner {
    private CleanupPlanner() {
    }

    public static CleanupPlan plan(WatchedReport report, ArrSnapshot arr, Set<String> excluded, CleanupActions actions, Instant now) {
        Map<String, String> reasons = new HashMap<>();
        excluded.forEach(id -> reasons.put(id, "excluded from cleanup by an admin"));
        return plan(report, arr, reasons, actions, now);
    }

    /**
     * Plans with the hand exclusions given as Jellyfin id → the sentence that says who excluded it and when.
     */
    public static CleanupPlan plan(WatchedReport report, ArrSnapshot arr, Map<String, String> excluded, CleanupActions actions, Instant now) {
        MoviePlanner movies = new MoviePlanner(arr, actions);
        SeasonPlanner seasons = new SeasonPlanner(arr, now);
        List<PlanEntry> entries = new ArrayList<>();
        Map<String, String> keptTargets = new HashMap<>();
        for (ReportEntry entry : report.entries()) {
            List<String> ids = entry.kind().equals("season")
                    ? entry.episodes().stream().map(ReportEntry::jellyfinId).toList() : List.of(entry.jellyfinId());
            boolean movie = entry.kind().equals("movie");
            boolean eligible = entry.verdict() == Verdict.ELIGIBLE;
            PlanEntry matched = movie || eligible ? (movie ? movies.plan(entry) : seasons.plan(entry)) : null;
            PlanEntry decided;
            if (!eligible) {
                List<String> reasons = new ArrayList<>(entry.reasons());
                reasons.set(0, entry.verdict().value() + ": " + reasons.getFirst());
                decided = PlanEntry.keep(null, null, ids, entry.name(), entry.path(), reasons);
            } else if (excluded.containsKey(entry.jellyfinId()) || ids.stream().anyMatch(excluded::containsKey)) {
                String why = excluded.containsKey(entry.jellyfinId()) ? excluded.get(entry.jellyfinId())
                        : ids.stream().filter(excluded::containsKey).map(excluded::get).findFirst().orElseThrow();
                decided = PlanEntry.keep(null, null, ids, entry.name(), entry.path(), List.of(why));
            } else {
                decided = matched;
            }
            if (matched != null && matched.deletes() && !decided.deletes()) {
                targets(matched).forEach(target -> keptTargets.putIfAbsent(target, entry.name()));
            }
            entries.add(decided);
        }
        entries = protectSharedTargets(entries, keptTargets);
        if (actions.deleteEndedSeries()) {
            entries = markSeriesDeletions(entries, arr);
        }
        return new CleanupPlan(now, report.today(), report.policy(), entries, arr.warnings());
    }

    /** What a deletion would remove: the Radarr movie, or each Sonarr episode file. */
    private static List<String> targets(PlanEntry entry) {
        if (entry.action().equals(PlanEntry.DELETE_MOVIE)) {
            return List.of(entry.instance() + "/movie/" + entry.arrId());
        }
        return entry.episodeFileIds().stream().map(id -> entry.instance() + "/file/" + id).toList();
    }

    /**
     * A deletion that would also remove what another Jellyfin item keeps (another copy with the same id, excluded or not
     * yet eligible) becomes a keep; two deletions of the same target become one.
     */
    private static List<PlanEntry> protectSharedTargets(List<PlanEntry> entries, Map<String, String> keptTargets) {
        List<PlanEntry> result = new ArrayList<>();
        Map<String, Integer> deleting = new HashMap<>();
        for (PlanEntry entry : entries) {
            if (!entry.deletes()) {
                result.add(entry);
                continue;
            }
            String keeper = targets(entry).stream().map(keptTargets::get).filter(Objects::nonNull).findFirst().orElse(null);
            if (keeper != null) {
                List<String> reasons = new ArrayList<>(entry.reasons());
                reasons.add("the same " + (entry.action().equals(PlanEntry.DELETE_MOVIE) ? "Radarr movie" : "episode file")
                        + " also backs " + keeper + " in Jellyfin, which is kept");
                result.add(PlanEntry.keep(entry.instance(), entry.arrId(), entry.jellyfinIds(), entry.title(), entry.path(), reasons));
                continue;
            }
            Integer earlier = targets(entry).stream().map(deleting::get).filter(Objects::nonNull).findFirst().orElse(null);
            if (earlier != null) {
                PlanEntry first = result.get(earlier);
                List<String> ids = new ArrayList<>(first.jellyfinIds());
                ids.addAll(entry.jellyfinIds());
                result.set(earlier, new PlanEntry(first.action(), first.instance(), first.arrId(), ids, first.title(), first.path(), first.bytes(),
                        first.reasons(), first.movieAction(), first.movieFileId(), first.episodeFileIds(), first.episodeIds(), first.deleteSeries()));
                continue;
            }
            targets(entry).forEach(target -> deleting.put(target, result.size()));
            result.add(entry);
        }
        return result;
    }

    /** An ended series whose every file is planned for deletion loses its entry too (opted in); said on its last entry. */
    private static List<PlanEntry> markSeriesDeletions(List<PlanEntry> entries, ArrSnapshot arr) {
        Map<String, Set<Integer>> planned = new HashMap<>();
        Map<String, Integer> lastEntry = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            PlanEntry entry = entries.get(i);
            if (entry.action().equals(PlanEntry.DELETE_EPISODE_FILES)) {
                String key = entry.instance() + "/" + entry.arrId();
                planned.computeIfAbsent(key, k -> new HashSet<>()).addAll(entry.episodeFileIds());
                lastEntry.put(key, i);
            }
        }
        List<PlanEntry> result = new ArrayList<>(entries);
        for (ArrSnapshot.SonarrView view : arr.sonarr()) {
            for (SonarrSeries series : view.series()) {
                String key = view.config().name() + "/" + series.id();
                if (!lastEntry.containsKey(key) || !series.ended()) {
                    continue;
                }
                Set<Integer> all = new HashSet<>(view.filesOf(series.id()).stream().map(EpisodeFile::id).toList());
                if (planned.get(key).containsAll(all)) {
                    PlanEntry last = result.get(lastEntry.get(key));
                    List<String> reasons = new ArrayList<>(last.reasons());
                    reasons.add("the series has ended and no file is left, so its entry is deleted too (opted in)");
                    result.set(lastEntry.get(key), new PlanEntry(last.action(), last.instance(), last.arrId(), last.jellyfinIds(),
                            last.title(), last.path(), last.bytes(), reasons, null, null, last.episodeFileIds(), last.episodeIds(), true));
                }
            }
        }
        return result;
    }

    /**
     * The Sonarr series whose episodes and files the plan needs: for each eligible season or special, the series whose
     * folder holds its mapped files, or whose TVDb/TMDb id is the Jellyfin series'. Keyed by instance name.
     */
    public static Map<String, Set<Integer>> seriesToRead(WatchedReport report, List<ArrSnapshot.SonarrView> views) {
        Map<String, Set<Integer>> needed = new HashMap<>();
        for (ReportEntry entry : report.entries()) {
            if (entry.kind().equals("movie") || entry.verdict() != Verdict.ELIGIBLE) {
                continue;
            }
            for (ArrSnapshot.SonarrView view : views) {
                for (SonarrSeries series : view.series()) {
                    String folder = PathMapping.normalise(series.path());
                    boolean byPath = folder != null && SeasonPlanner.episodesOf(entry).stream().anyMatch(e -> e.path() != null
                            && PathMapping.within(view.config().mapping().toArr(e.path()), folder));
                    boolean byId = (entry.tvdbId() != null && Objects.equals(entry.tvdbId(), series.tvdbId()))
                            || (entry.tmdbId() != null && Objects.equals(entry.tmdbId(), series.tmdbId()));
                    if (byPath || byId) {
                        needed.computeIfAbsent(view.config().name(), k -> new HashSet<>()).add(series.id());
                    }
                }
            }
        }
        return needed;
    }
}
