package app.pathary.bench;

import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.testing.FakeJellyfin;
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
            BenchLibrary library = new BenchLibrary(jellyfin, null, null, movies, episodes);
            String apiKey = library.apiKey;
            var users = library.users;
            jellyfin.setLatency(Duration.ofMillis(5));
            jellyfin.clearRequests();
            var sweep = new WatchedSweep(new HttpJellyfinClient(HttpClient.newHttpClient(),
                    new ClientIdentity("Pathary", "bench", "bench-device", "bench"), Duration.ofSeconds(120)), Clock.systemUTC());
            var settings = new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.ANY, null, List.of(), 5, 5, true, Set.of());
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
                report = WatchedVerdicts.plan(result.snapshot(), result.policy(), LocalDate.of(2026, 1, 20), Instant.now());
                plans[i] = (System.nanoTime() - t) / 1_000_000;
            }
            java.util.Arrays.sort(plans);
            System.out.printf("planning (in memory, %d items, %d entries): median %d ms, max %d ms%n", result.snapshot().itemCount(),
                    report.entries().size(), plans[2], plans[4]);
            System.out.println("totals: " + report.totals());
        }
    }
}
