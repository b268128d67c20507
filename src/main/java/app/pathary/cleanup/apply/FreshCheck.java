package app.pathary.cleanup.apply;

import app.pathary.arr.radarr.RadarrClient;
import app.pathary.arr.radarr.RadarrMovie;
import app.pathary.arr.sonarr.EpisodeFile;
import app.pathary.arr.sonarr.SonarrClient;
import app.pathary.arr.sonarr.SonarrEpisode;
import app.pathary.arr.sonarr.SonarrSeries;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.plan.ArrSnapshot;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.CleanupPlanner;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.watched.WatchedNow;
import app.pathary.watched.WatchedReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Right before a plan entry is applied: reads fresh what decided it (the *arr item with its tags, file and episodes;
 * Jellyfin's played, last-played and favourite state of its items for every counted user; the hand exclusions) and runs
 * the same pure planner on that slice. The entry is applied only when the fresh plan still deletes exactly the same
 * thing; otherwise the fresh reasons say why it is skipped.
 */
final class FreshCheck {
    private final RadarrClient radarr;
    private final SonarrClient sonarr;
    private final SeerrLink seerr;

    FreshCheck(RadarrClient radarr, SonarrClient sonarr, SeerrLink seerr) {
        this.radarr = radarr;
        this.sonarr = sonarr;
        this.seerr = seerr;
    }

    /** What to do with one entry: apply {@code fresh}, or not ({@code gone} / skipped) with the sentence for the audit. */
    record Decision(PlanEntry fresh, boolean gone, String text, Set<SeerrLink.Title> titles) {
        Decision(PlanEntry fresh, boolean gone, String text) {
            this(fresh, gone, text, Set.of());
        }

        Decision withTitles(Set<SeerrLink.Title> seerrTitles) {
            return new Decision(fresh, gone, text, seerrTitles);
        }

        static Decision apply(PlanEntry fresh) {
            return new Decision(fresh, false, null);
        }

        static Decision gone(String text) {
            return new Decision(null, true, text);
        }

        static Decision skip(String text) {
            return new Decision(null, false, text);
        }
    }

    /** The run's fixed inputs: the *arr libraries read when the run started, Jellyfin now, the actions, and the clock. */
    record Inputs(ArrSnapshot base, WatchedNow watched, Map<String, String> exclusions, CleanupActions actions, Instant now) {
    }

    Decision check(PlanEntry planned, ArrInstanceConfig config, Inputs inputs) {
        Optional<ArrSnapshot> slice = planned.action().equals(PlanEntry.DELETE_MOVIE)
                ? movieSlice(planned, config, inputs.base()) : seriesSlice(planned, config, inputs.base());
        if (slice.isEmpty()) {
            return Decision.gone(planned.action().equals(PlanEntry.DELETE_MOVIE) ? "done: already gone" : "done: the series is already gone");
        }
        if (planned.action().equals(PlanEntry.DELETE_EPISODE_FILES) && noPlannedFileLeft(planned, slice.get())) {
            return Decision.gone("done: the files are already gone");
        }
        WatchedReport report = inputs.watched().of(planned.jellyfinIds());
        if (planned.disk() != null && planned.reasons().stream().anyMatch(r -> r.contains(app.pathary.cleanup.plan.DiskPressure.GRACE_SHORTENED))) {
            // disk pressure shortened its grace when planning: the fresh check plans it the same way (favourites, new plays still keep it)
            report = app.pathary.cleanup.plan.DiskPressure.withGraceShortened(report);
        }
        // Seerr is read fresh for these titles; a failed read throws and stops the run, never means "not requested".
        Map<String, String> keeps = new HashMap<>(seerr.freshKeeps(report, inputs.now()));
        keeps.putAll(inputs.exclusions());
        CleanupPlan fresh = CleanupPlanner.plan(report, slice.get(), keeps, inputs.actions(), inputs.now());
        return decide(planned, fresh).withTitles(SeerrLink.titles(report));
    }

    /** Pure: compares the planned entry with the fresh plan of the same items. */
    static Decision decide(PlanEntry planned, CleanupPlan fresh) {
        Optional<PlanEntry> same = fresh.entries().stream().filter(e -> e.deletes() && e.action().equals(planned.action())
                && e.instance().equals(planned.instance()) && e.arrId().equals(planned.arrId())).findFirst();
        if (same.isPresent()) {
            PlanEntry entry = same.get();
            if (planned.action().equals(PlanEntry.DELETE_MOVIE) && !entry.movieFileId().equals(planned.movieFileId())) {
                return Decision.skip("skipped: its file changed since the plan was made");
            }
            if (planned.action().equals(PlanEntry.DELETE_EPISODE_FILES)
                    && !new HashSet<>(entry.episodeFileIds()).equals(new HashSet<>(planned.episodeFileIds()))) {
                return Decision.skip("skipped: its files changed since the plan was made");
            }
            boolean deleteSeries = Boolean.TRUE.equals(planned.deleteSeries()) && Boolean.TRUE.equals(entry.deleteSeries());
            return Decision.apply(planned.action().equals(PlanEntry.DELETE_EPISODE_FILES) ? new PlanEntry(entry.action(), entry.instance(),
                    entry.arrId(), entry.jellyfinIds(), entry.title(), entry.path(), entry.bytes(), entry.reasons(), null, null,
                    entry.episodeFileIds(), entry.episodeIds(), deleteSeries) : entry);
        }
        Set<String> ids = new HashSet<>(planned.jellyfinIds());
        return fresh.entries().stream().filter(e -> e.jellyfinIds().stream().anyMatch(ids::contains)).findFirst()
                .map(e -> Decision.skip("skipped, changed since the plan was made: " + why(e)))
                .orElse(Decision.skip("skipped: Jellyfin no longer has it"));
    }

    /** The reasons that tell why an entry is not deleted now, without the matching sentence. */
    private static String why(PlanEntry entry) {
        List<String> reasons = entry.reasons().stream().filter(r -> !r.startsWith("matched by")).toList();
        return String.join("; ", reasons.isEmpty() ? entry.reasons() : reasons);
    }

    private Optional<ArrSnapshot> movieSlice(PlanEntry planned, ArrInstanceConfig config, ArrSnapshot base) {
        Optional<RadarrMovie> now = radarr.movie(config.instance(), planned.arrId());
        if (now.isEmpty()) {
            return Optional.empty();
        }
        List<ArrSnapshot.RadarrView> views = new ArrayList<>();
        for (ArrSnapshot.RadarrView view : base.radarr()) {
            if (!view.config().name().equals(config.name())) {
                views.add(view);
                continue;
            }
            List<RadarrMovie> movies = new ArrayList<>(view.movies().stream().filter(m -> m.id() != planned.arrId()).toList());
            movies.add(now.get());
            views.add(new ArrSnapshot.RadarrView(view.config(), movies, view.keepTagIds(), view.rootFolders()));
        }
        return Optional.of(new ArrSnapshot(views, base.sonarr(), base.warnings()));
    }

    private Optional<ArrSnapshot> seriesSlice(PlanEntry planned, ArrInstanceConfig config, ArrSnapshot base) {
        Optional<SonarrSeries> now = sonarr.series(config.instance(), planned.arrId());
        if (now.isEmpty()) {
            return Optional.empty();
        }
        List<SonarrEpisode> episodes = sonarr.episodes(config.instance(), planned.arrId());
        List<EpisodeFile> files = sonarr.episodeFiles(config.instance(), planned.arrId());
        List<ArrSnapshot.SonarrView> views = new ArrayList<>();
        for (ArrSnapshot.SonarrView view : base.sonarr()) {
            if (!view.config().name().equals(config.name())) {
                views.add(view);
                continue;
            }
            List<SonarrSeries> series = new ArrayList<>(view.series().stream().filter(s -> s.id() != planned.arrId()).toList());
            series.add(now.get());
            Map<Integer, List<SonarrEpisode>> episodeMap = new HashMap<>(view.episodes());
            Map<Integer, List<EpisodeFile>> fileMap = new HashMap<>(view.files());
            episodeMap.put(planned.arrId(), episodes);
            fileMap.put(planned.arrId(), files);
            views.add(new ArrSnapshot.SonarrView(view.config(), series, view.keepTagIds(), episodeMap, fileMap, view.rootFolders()));
        }
        return Optional.of(new ArrSnapshot(base.radarr(), views, base.warnings()));
    }

    private static boolean noPlannedFileLeft(PlanEntry planned, ArrSnapshot slice) {
        Set<Integer> planFiles = new HashSet<>(planned.episodeFileIds());
        return slice.sonarr().stream().filter(v -> v.config().name().equals(planned.instance()))
                .flatMap(v -> v.filesOf(planned.arrId()).stream()).noneMatch(f -> planFiles.contains(f.id()));
    }
}
