package app.pathary.bench;

import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.jellyfin.sync.JellyfinAutoSync;
import app.pathary.job.Job;
import app.pathary.job.JobContext;
import app.pathary.movie.NewMovie;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRequest;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Jellyfin import, export and automatic sync (issue 4), run by {@code bench/jellyfin-sync.sh}: an in-process Pathary
 * on a fresh SQLite against a {@link FakeJellyfin} with 20,000 movies (TMDb ids), 5,000 of them played by the user on
 * dates spread over six years, and 5 ms of latency per request. For each step it prints the wall time and the
 * requests the fake received, by method and route, next to the minimum: one per page read (500 items a page) plus
 * one per item that must change.
 */
public final class JellyfinSyncBenchmark {
    private static final int MOVIES = 20_000;
    private static final int PLAYED = 5_000;
    private static final int CHANGED = 1_000;
    private static final int PAGE = 500;
    private static final Duration LATENCY = Duration.ofMillis(5);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final FakeJellyfin jellyfin;
    private final TestApp app;
    private final long userId;
    private final List<FakeItem> items = new ArrayList<>();
    private boolean allMet = true;

    private JellyfinSyncBenchmark(FakeJellyfin jellyfin, TestApp app, long userId) {
        this.jellyfin = jellyfin;
        this.app = app;
        this.userId = userId;
    }

    public static void main(String[] args) throws Exception {
        try (FakeJellyfin jellyfin = FakeJellyfin.start();
                TestApp app = TestApp.start(TestDatabases.freshSqlite(), Clock.systemUTC(), Map.of("TIMEZONE", ZONE.getId()))) {
            long userId = app.app.users.accounts().create("bench@example.org", "bench-password-1", "bench", false).id();
            var bench = new JellyfinSyncBenchmark(jellyfin, app, userId);
            bench.seed(jellyfin.addUser("bench", "jf-password"));
            app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
            app.app.jellyfinLink.login().logIn(userId, "bench", "jf-password");
            jellyfin.setLatency(LATENCY);
            bench.run();
            System.exit(bench.allMet ? 0 : 1);
        }
    }

    private void seed(FakeUser user) {
        Random random = new Random(42);
        Instant first = Instant.parse("2019-01-01T00:00:00Z");
        long sixYears = Duration.ofDays(6 * 365).toSeconds();
        for (int i = 0; i < MOVIES; i++) {
            FakeItem item = jellyfin.addMovie("Movie " + i, 1950 + i % 75).tmdb(Integer.toString(10_000 + i)).imdb("tt" + (2_000_000 + i));
            items.add(item);
            if (i % (MOVIES / PLAYED) == 0) {
                jellyfin.setUserData(user, item, FakeUserData.playedOn(first.plusSeconds((long) (random.nextDouble() * sixYears)), 1 + i % 3));
            }
        }
        System.out.printf("Jellyfin sync benchmark: %d movies, %d played, %d ms per request, TIMEZONE %s%n",
                MOVIES, PLAYED, LATENCY.toMillis(), ZONE);
    }

    private void run() throws Exception {
        // the import and export read the (here empty) episode library too: one page of series, one of episodes
        int pages = (MOVIES + PAGE - 1) / PAGE + 2;
        step("a) import", pages, () -> app.app.jellyfinSync.importNow(userId, JobContext.NONE).summary());
        step("b) export, nothing changed", pages, () -> app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE).summary());
        List<HistoryCommand> newer = new ArrayList<>();
        for (int i = 0; i < CHANGED; i++) {
            int index = i * (MOVIES / PLAYED);
            newer.add(new HistoryCommand.AddPlays(new MovieRef.ByTmdbId(10_000 + index), LocalDate.of(2026, 1, 1).plusDays(i % 300), 1, null));
        }
        app.app.history.history().apply(userId, newer, Source.PAGE);
        step("c) export after " + CHANGED + " new latest dates", pages + CHANGED,
                () -> app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE).summary());
        app.app.jellyfinLink.links().setSync(userId, true);
        autoSync();
    }

    private void step(String name, int minimum, Callable<String> work) throws Exception {
        jellyfin.clearRequests();
        long started = System.nanoTime();
        String summary = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        report(name, String.format("%.2f s", seconds), minimum, summary);
    }

    /** d) One new latest date with sync on: requests of its job, and time from the change to the job's end. */
    private void autoSync() throws Exception {
        jellyfin.clearRequests();
        Instant changed = Instant.now();
        app.app.history.history().apply(userId, new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(
                new NewMovie(10_000, null, "Movie 0", 1950, null)), LocalDate.of(2026, 11, 1), 1, null), Source.PAGE);
        Job job = null;
        for (int i = 0; i < 500 && job == null; i++) {
            job = app.app.jobs.repository().list(Job.Status.DONE, JellyfinAutoSync.JOB_TYPE, userId, 1).stream().findFirst().orElse(null);
            if (job == null) {
                Thread.sleep(10);
            }
        }
        if (job == null) {
            throw new IllegalStateException("the sync job did not finish: " + app.app.jobs.repository().list(null, null, null, 5));
        }
        long millis = Duration.between(changed, job.finishedAt()).toMillis();
        report("d) automatic sync of one change", millis + " ms from the change to the job's end (target < 100 ms)", 2, job.summary());
        allMet &= millis < 100;
    }

    private void report(String name, String time, int minimum, String summary) {
        Map<String, Integer> byRoute = new TreeMap<>();
        List<FakeRequest> requests = jellyfin.requests();
        for (FakeRequest request : requests) {
            byRoute.merge(request.method() + " " + request.path().replaceAll("[0-9a-f]{32}", "{id}"), 1, Integer::sum);
        }
        boolean met = requests.size() <= minimum;
        allMet &= met;
        System.out.printf("RESULT %s: %s; %d requests %s (minimum %d: %s)%n    %s%n", name, time, requests.size(), byRoute, minimum,
                met ? "met" : "MISSED", summary);
    }
}
