package app.pathary.bench;

import app.pathary.cleanup.CleanupSettings;
import app.pathary.cleanup.Strategy;
import app.pathary.cleanup.WatchedPlanner;
import app.pathary.cleanup.WatchedReport;
import app.pathary.cleanup.WatchedSweep;
import app.pathary.jellyfin.ClientIdentity;
import app.pathary.jellyfin.HttpJellyfinClient;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Issue 5 benchmark: the watched-state sweep and planning of 20,000 movies and 50,000 episodes for 5 users against the
 * fake Jellyfin with 5 ms added per request. Prints requests, sweep wall time and planning time (median of 5 plans).
 * Run with bench/watched.sh.
 */
public final class WatchedBenchmark {
    private WatchedBenchmark() {
    }

    public static void main(String[] args) {
        int movies = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int episodes = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        try (FakeJellyfin jellyfin = FakeJellyfin.start()) {
            jellyfin.useClock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
            String apiKey = jellyfin.addApiKey();
            List<FakeUser> users = new ArrayList<>();
            for (int u = 0; u < 5; u++) {
                users.add(u == 0 ? jellyfin.addAdmin("user" + u, "pw") : jellyfin.addUser("user" + u, "pw"));
            }
            Random random = new Random(42);
            List<FakeItem> items = new ArrayList<>();
            for (int m = 0; m < movies; m++) {
                items.add(jellyfin.addMovie("Movie " + m, 1950 + m % 75).tmdb(Integer.toString(10_000 + m)).path("/media/movies/Movie " + m + ".mkv"));
            }
            int perSeason = 10;
            int seasons = 5;
            for (int s = 0; items.size() < movies + episodes; s++) {
                FakeItem series = jellyfin.addSeries("Series " + s, 2000 + s % 25).tvdb(Integer.toString(70_000 + s)).path("/media/tv/Series " + s);
                for (int season = 1; season <= seasons && items.size() < movies + episodes; season++) {
                    for (int e = 1; e <= perSeason && items.size() < movies + episodes; e++) {
                        items.add(jellyfin.addEpisode(series, season, e, "E" + e).path("/media/tv/Series " + s + "/S" + season + "/E" + e + ".mkv"));
                    }
                }
            }
            for (FakeUser user : users) {
                for (FakeItem item : items) {
                    if (random.nextInt(100) < 40) {
                        jellyfin.setUserData(user, item, FakeUserData.playedOn(Instant.parse("2026-01-01T20:00:00Z")
                                .minus(Duration.ofDays(random.nextInt(60))), 1).withFavorite(random.nextInt(100) == 0));
                    }
                }
            }
            jellyfin.setLatency(Duration.ofMillis(5));
            jellyfin.clearRequests();
            var sweep = new WatchedSweep(new HttpJellyfinClient(HttpClient.newHttpClient(),
                    new ClientIdentity("Pathary", "bench", "bench-device", "bench"), Duration.ofSeconds(120)), Clock.systemUTC());
            var settings = new CleanupSettings(jellyfin.baseUrl(), apiKey, Strategy.ANY, null, List.of(), 5, 5, true, Set.of());
            long started = System.nanoTime();
            var result = sweep.sweep(settings, ZoneId.of("UTC"));
            long sweepMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("library: %d movies, %d episodes, %d users; fake latency 5 ms%n", movies, episodes, users.size());
            System.out.printf("sweep: %d requests (%d GET /Items, %d GET /Users), %d ms%n", jellyfin.requests().size(),
                    jellyfin.requestCount("GET", "/Items"), jellyfin.requestCount("GET", "/Users"), sweepMillis);
            long[] plans = new long[5];
            WatchedReport report = null;
            for (int i = 0; i < plans.length; i++) {
                long t = System.nanoTime();
                report = WatchedPlanner.plan(result.snapshot(), result.policy(), LocalDate.of(2026, 1, 20), Instant.now());
                plans[i] = (System.nanoTime() - t) / 1_000_000;
            }
            java.util.Arrays.sort(plans);
            System.out.printf("planning (in memory, %d items, %d entries): median %d ms, max %d ms%n", result.snapshot().itemCount(),
                    report.entries().size(), plans[2], plans[4]);
            System.out.println("totals: " + report.totals());
        }
    }
}
