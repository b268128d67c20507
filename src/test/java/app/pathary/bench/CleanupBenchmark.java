package app.pathary.bench;

import app.pathary.arr.radarr.HttpRadarrClient;
import app.pathary.arr.sonarr.HttpSonarrClient;
import app.pathary.cleanup.apply.ArrReader;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.instances.PathMapping;
import app.pathary.cleanup.plan.ArrSnapshot;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.CleanupPlanner;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import app.pathary.watched.Strategy;
import app.pathary.watched.WatchedReport;
import app.pathary.watched.WatchedSettings;
import app.pathary.watched.WatchedSweep;
import app.pathary.watched.WatchedVerdicts;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Issue 6 benchmark: a full dry run (Jellyfin sweep, Radarr/Sonarr reads, plan) over 20,000 movies and 50,000 episodes
 * with 5 users; Jellyfin answers with 5 ms added latency, Radarr and Sonarr with 5 ms too. Prints requests per system,
 * wall times, and the planning time with everything in memory (median of 5). Run with bench/cleanup.sh.
 */
public final class CleanupBenchmark {
    private CleanupBenchmark() {
    }

    public static void main(String[] args) {
        int movies = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        try (FakeJellyfin jellyfin = FakeJellyfin.start(); FakeRadarr radarr = FakeRadarr.start(); FakeSonarr sonarr = FakeSonarr.start()) {
            BenchLibrary library = new BenchLibrary(jellyfin, radarr, sonarr, movies, episodes);
            for (var fake : List.of(radarr, sonarr)) {
                fake.setLatency(Duration.ofMillis(5));
                fake.clearRequests();
            }
            jellyfin.setLatency(Duration.ofMillis(5));
            jellyfin.clearRequests();
            HttpClient http = HttpClient.newHttpClient();
            var sweep = new WatchedSweep(new HttpJellyfinClient(http, new ClientIdentity("Pathary", "bench", "bench-device", "bench"),
                    Duration.ofSeconds(120)), Clock.systemUTC());
            var reader = new ArrReader(new HttpRadarrClient(http, Duration.ofSeconds(120)), new HttpSonarrClient(http, Duration.ofSeconds(120)));
            List<ArrInstanceConfig> instances = List.of(
                    new ArrInstanceConfig(null, ArrKind.RADARR, "radarr", radarr.baseUrl(), radarr.apiKey(), PathMapping.parse("/media/movies:/movies", "map"), "keep", "bench"),
                    new ArrInstanceConfig(null, ArrKind.SONARR, "sonarr", sonarr.baseUrl(), sonarr.apiKey(), PathMapping.parse("/media/tv:/tv", "map"), "keep", "bench"));
            var settings = new WatchedSettings(jellyfin.baseUrl(), library.apiKey, Strategy.ANY, null, List.of(), 5, 5, true, Set.of());
            var actions = new CleanupActions(CleanupActions.MovieAction.DELETE_MOVIE, false, false, false);
            LocalDate today = LocalDate.of(2026, 1, 20);

            long started = System.nanoTime();
            var swept = sweep.sweep(settings, ZoneId.of("UTC"));
            WatchedReport report = WatchedVerdicts.plan(swept.snapshot(), swept.policy(), today, Instant.now());
            long sweptAt = System.nanoTime();
            ArrSnapshot arr = reader.read(instances, report);
            long readAt = System.nanoTime();
            CleanupPlan plan = CleanupPlanner.plan(report, arr, Set.of(), actions, Instant.now());
            long plannedAt = System.nanoTime();

            long[] plans = new long[5];
            for (int i = 0; i < plans.length; i++) {
                long t = System.nanoTime();
                CleanupPlanner.plan(report, arr, Set.of(), actions, Instant.now());
                plans[i] = (System.nanoTime() - t) / 1_000_000;
            }
            java.util.Arrays.sort(plans);
            System.out.printf("library: %d movies, %d episodes, 5 users; 5 ms added per request to Jellyfin, Radarr and Sonarr%n", movies, episodes);
            System.out.printf("full dry run: %d ms (Jellyfin sweep + watched plan %d ms, *arr reads %d ms, cleanup plan %d ms)%n",
                    (plannedAt - started) / 1_000_000, (sweptAt - started) / 1_000_000, (readAt - sweptAt) / 1_000_000, (plannedAt - readAt) / 1_000_000);
            System.out.printf("requests: Jellyfin %d, Radarr %d, Sonarr %d (episode lists %d, episode-file lists %d)%n", jellyfin.requests().size(),
                    radarr.requests().size(), sonarr.requests().size(), sonarr.requestCount("GET", "/api/v3/episode"),
                    sonarr.requestCount("GET", "/api/v3/episodefile"));
            System.out.printf("cleanup planning in memory: median %d ms, max %d ms%n", plans[2], plans[4]);
            System.out.printf("plan: %d movies and %d seasons to delete, %d kept, %d unmatched; bytes %s%n",
                    plan.withAction(PlanEntry.DELETE_MOVIE).size(), plan.withAction(PlanEntry.DELETE_EPISODE_FILES).size(),
                    plan.withAction(PlanEntry.KEEP).size(), plan.withAction(PlanEntry.UNMATCHED).size(), plan.bytesByInstance());
        }
    }
}
