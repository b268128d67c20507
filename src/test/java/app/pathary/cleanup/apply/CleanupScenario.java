package app.pathary.cleanup.apply;

import app.pathary.arr.radarr.HttpRadarrClient;
import app.pathary.arr.sonarr.HttpSonarrClient;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.instances.CleanupLimits;
import app.pathary.cleanup.instances.PathMapping;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.CleanupPlanner;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.TestDatabases;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Verdict;
import app.pathary.watched.WatchedReport;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cleanup test bench: fake Radarr instances ("radarr", "radarr-4k") and a fake Sonarr speaking real HTTP, the real
 * clients, reader, planner and executor, and a watched report written by hand as the planner's input.
 */
public final class CleanupScenario implements AutoCloseable {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    final FakeRadarr radarr = FakeRadarr.start();
    final FakeRadarr radarr4k = FakeRadarr.start();
    final FakeSonarr sonarr = FakeSonarr.start();
    final List<ReportEntry> report = new ArrayList<>();
    final Set<String> excluded = new HashSet<>();
    final Database database;
    final CleanupStores records;
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpRadarrClient radarrClient = new HttpRadarrClient(http, Duration.ofSeconds(5));
    private final HttpSonarrClient sonarrClient = new HttpSonarrClient(http, Duration.ofSeconds(5));
    CleanupActions actions = new CleanupActions(CleanupActions.MovieAction.DELETE_MOVIE, false, false, true);
    boolean with4k;
    /** Seerr as cleanup uses it (off unless a test points it at a FakeSeerr). */
    SeerrLink seerr = SeerrLink.off();

    /** A bench whose plans, exclusions and audit live in a fresh database of the dialect. */
    public CleanupScenario(Dialect dialect) {
        this(TestDatabases.fresh(dialect));
    }

    /** A bench on the database {@code settings} name (migrated here), e.g. to open it again after a simulated crash. */
    CleanupScenario(app.pathary.config.DatabaseSettings settings) {
        database = Database.open(settings);
        database.migrate();
        records = CleanupStores.of(database.jdbi(), Clock.systemUTC());
    }

    List<ArrInstanceConfig> instances() {
        List<ArrInstanceConfig> instances = new ArrayList<>();
        instances.add(new ArrInstanceConfig(null, ArrKind.RADARR, "radarr", radarr.baseUrl(), radarr.apiKey(),
                PathMapping.parse("/media/movies:/movies", "map"), "keep", "test"));
        if (with4k) {
            instances.add(new ArrInstanceConfig(null, ArrKind.RADARR, "radarr-4k", radarr4k.baseUrl(), radarr4k.apiKey(),
                    PathMapping.parse("/media/movies4k:/movies", "map"), "keep", "test"));
        }
        instances.add(new ArrInstanceConfig(null, ArrKind.SONARR, "sonarr", sonarr.baseUrl(), sonarr.apiKey(),
                PathMapping.parse("/media/tv:/tv", "map"), "keep", "test"));
        return instances;
    }

    WatchedReport watched() {
        return new WatchedReport(NOW, TODAY, "test policy", report);
    }

    CleanupPlan plan() {
        WatchedReport watched = watched();
        java.util.Map<String, String> keeps = new java.util.HashMap<>(seerr.keeps(watched, NOW));
        excluded.forEach(id -> keeps.put(id, "excluded from cleanup by an admin"));
        return records.plans().savePlan(CleanupPlanner.plan(watched, new ArrReader(radarrClient, sonarrClient).read(instances(), watched), keeps, actions, NOW));
    }

    /**
     * Plans on {@code day} as a run does with {@code stores}: the watched report as of that day, the hand exclusions and keep
     * requests, then the leaving-soon schedule; the plan is stored.
     */
    CleanupPlan plan(CleanupStores stores, LocalDate day) {
        WatchedReport watched = new WatchedReport(NOW, day, "test policy", report);
        CleanupPlan plan = CleanupPlanner.plan(watched, new ArrReader(radarrClient, sonarrClient).read(instances(), watched),
                stores.keepReasons(java.time.ZoneOffset.UTC), actions, NOW);
        return stores.plans().savePlan(stores.leaving().schedule(plan));
    }

    /**
     * Plans on {@code day} as a run does, disk pressure included: the libraries, the schedule, then the disks read from
     * the fakes ({@code beforeDiskRead} runs first, e.g. to break that read) judged by {@code rules}.
     */
    CleanupPlan planUnderPressure(CleanupStores stores, LocalDate day, app.pathary.cleanup.plan.DiskRules rules, Runnable beforeDiskRead) {
        WatchedReport watched = new WatchedReport(NOW, day, "test policy", report);
        ArrReader reader = new ArrReader(radarrClient, sonarrClient);
        DiskReader disks = new DiskReader(radarrClient, sonarrClient);
        DiskPlanning.Made made = DiskPlanning.plan(new DiskPlanning.Inputs(watched, r -> reader.read(instances(), r),
                () -> stores.keepReasons(java.time.ZoneOffset.UTC), actions, NOW, () -> {
                    beforeDiskRead.run();
                    return disks.read(instances());
                }, rules), stores.leaving());
        CleanupPlan saved = stores.plans().savePlan(made.plan());
        stores.disks().record(saved.disks(), java.util.Map.of(), "plan");
        return saved;
    }

    CleanupExecutor.Outcome execute(CleanupPlan plan) {
        return execute(plan, CleanupLimits.defaults(), false);
    }

    /** Executes as the page and the job do: each entry checked again against the fakes and {@link #report} as they are now. */
    CleanupExecutor.Outcome execute(CleanupPlan plan, CleanupLimits limits, boolean overrideLimits) {
        return execute(plan, limits, overrideLimits, records);
    }

    /** As {@link #execute(CleanupPlan, CleanupLimits, boolean)}, recording in {@code stores} (another process's database). */
    CleanupExecutor.Outcome execute(CleanupPlan plan, CleanupLimits limits, boolean overrideLimits, CleanupStores stores) {
        return new CleanupExecutor(radarrClient, sonarrClient, stores, seerr).execute(plan, new CleanupExecutor.Run(instances(), actions,
                this::watchedNow, limits, overrideLimits, "test", java.time.ZoneOffset.UTC, NOW));
    }

    /** The hand-written report as Jellyfin would answer now: only the entries (or episodes of seasons) asked for. */
    WatchedReport watchedNow(java.util.Collection<String> ids) {
        List<ReportEntry> entries = new ArrayList<>();
        for (ReportEntry entry : report) {
            if (entry.kind().equals("season")) {
                List<ReportEntry> episodes = entry.episodes().stream().filter(e -> ids.contains(e.jellyfinId())).toList();
                if (!episodes.isEmpty()) {
                    entries.add(new ReportEntry("season", entry.jellyfinId(), entry.name(), entry.series(), entry.season(), null, null, null,
                            entry.path(), entry.tmdbId(), entry.tvdbId(), entry.verdict(), entry.reasons(), entry.lastPlayed(),
                            entry.eligibleOn(), episodes));
                }
            } else if (ids.contains(entry.jellyfinId())) {
                entries.add(entry);
            }
        }
        return new WatchedReport(NOW, TODAY, "test policy", entries);
    }

    public static ReportEntry movie(String id, String name, String path, Integer tmdb, Verdict verdict) {
        return new ReportEntry("movie", id, name, null, null, null, null, null, path, tmdb, null, verdict,
                List.of(verdict == Verdict.ELIGIBLE ? "watched by alice on 2026-02-01" : "not watched by alice"),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 6), List.of());
    }

    static ReportEntry episode(String id, String series, int season, int number, Integer end, String path, Verdict verdict) {
        String label = String.format("S%02dE%02d", season, number) + (end == null ? "" : String.format("-E%02d", end));
        return new ReportEntry("episode", id, label + " Episode", series, season, label, number, end, path, null, null, verdict,
                List.of(verdict == Verdict.ELIGIBLE ? "watched by alice on 2026-02-01" : "not watched by alice"), null, null, List.of());
    }

    static ReportEntry season(String id, String series, int season, Integer tvdb, Verdict verdict, ReportEntry... episodes) {
        return new ReportEntry("season", id, series + " season " + season, series, season, null, null, null,
                "/media/tv/" + series + "/Season " + season, null, tvdb, verdict, List.of("all episodes watched"), null, null, List.of(episodes));
    }

    static ReportEntry special(String id, String series, int number, Integer tvdb, String path) {
        ReportEntry e = episode(id, series, 0, number, null, path, Verdict.ELIGIBLE);
        return new ReportEntry("episode", e.jellyfinId(), e.name(), series, 0, e.episode(), number, null, path, null, tvdb, Verdict.ELIGIBLE,
                e.reasons(), null, null, List.of());
    }

    static PlanEntry entryFor(CleanupPlan plan, String title) {
        return plan.entries().stream().filter(e -> e.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(title + " not in " + plan.entries().stream().map(PlanEntry::title).toList()));
    }

    @Override
    public void close() {
        radarr.close();
        radarr4k.close();
        sonarr.close();
        database.close();
    }
}
