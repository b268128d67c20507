package app.pathary.bench;

import app.pathary.job.JobContext;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Episodes in the Jellyfin import and export (issue 12), run by {@code bench/episode-sync.sh}: an in-process Pathary on
 * a fresh SQLite against a {@link FakeJellyfin} with 500 series (TVDb ids) of 5 seasons of 20 episodes (50,000
 * episodes), 10,000 of them played by the user, and 5 ms of latency per request. For each step it prints the wall
 * time, the process CPU time, the requests the fake received by method and route next to the minimum (one per page of
 * 500 items: 1 of movies, 1 of series, 100 of episodes), and the episode dates added. The second import and the export
 * must cost the pages only, with no write to Jellyfin and no date added.
 */
public final class EpisodeSyncBenchmark {
    private static final int SERIES = 500;
    private static final int SEASONS = 5;
    private static final int PER_SEASON = 20;
    private static final int EPISODES = SERIES * SEASONS * PER_SEASON;
    private static final int PLAYED = 10_000;
    private static final int PAGE = 500;
    private static final Duration LATENCY = Duration.ofMillis(5);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final FakeJellyfin jellyfin;
    private final TestApp app;
    private final long userId;
    private boolean allMet = true;

    private EpisodeSyncBenchmark(FakeJellyfin jellyfin, TestApp app, long userId) {
        this.jellyfin = jellyfin;
        this.app = app;
        this.userId = userId;
    }

    public static void main(String[] args) throws Exception {
        try (FakeJellyfin jellyfin = FakeJellyfin.start();
                TestApp app = TestApp.start(TestDatabases.freshSqlite(), Clock.systemUTC(), Map.of("TIMEZONE", ZONE.getId()))) {
            long userId = app.app.users.accounts().create("bench@example.org", "bench-password-1", "bench", false).id();
            var bench = new EpisodeSyncBenchmark(jellyfin, app, userId);
            FakeUser user = jellyfin.addUser("bench", "jf-password");
            app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
            app.app.jellyfinLink.login().logIn(userId, "bench", "jf-password");
            bench.seed(user);
            jellyfin.freeze(); // nothing below changes the library: the fake sorts each walk once, so Pathary's cost shows
            jellyfin.setLatency(LATENCY);
            bench.run();
            System.exit(bench.allMet ? 0 : 1);
        }
    }

    private void seed(FakeUser user) {
        Random random = new Random(42);
        Instant first = Instant.parse("2019-01-01T00:00:00Z");
        long sixYears = Duration.ofDays(6 * 365).toSeconds();
        int every = EPISODES / PLAYED;
        int n = 0;
        for (int s = 0; s < SERIES; s++) {
            FakeItem series = jellyfin.addSeries("Series " + s, 1990 + s % 35).tvdb(Integer.toString(100_000 + s));
            for (int season = 1; season <= SEASONS; season++) {
                for (int e = 1; e <= PER_SEASON; e++, n++) {
                    FakeItem episode = jellyfin.addEpisode(series, season, e, "Episode " + e);
                    if (n % every == 0) {
                        jellyfin.setUserData(user, episode,
                                FakeUserData.playedOn(first.plusSeconds((long) (random.nextDouble() * sixYears)), 1 + n % 3));
                    }
                }
            }
        }
        System.out.printf("Episode sync benchmark: %d series, %d episodes, %d played, %d ms per request, TIMEZONE %s%n",
                SERIES, EPISODES, PLAYED, LATENCY.toMillis(), ZONE);
    }

    private void run() throws Exception {
        int pages = 1 + (SERIES + PAGE - 1) / PAGE + (EPISODES + PAGE - 1) / PAGE;
        step("a) first import", pages, PLAYED, () -> app.app.jellyfinSync.importNow(userId, JobContext.NONE).summary());
        step("b) second import", pages, 0, () -> app.app.jellyfinSync.importNow(userId, JobContext.NONE).summary());
        step("c) export right after", pages, 0, () -> app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE).summary());
    }

    private void step(String name, int minimum, long expectedDates, Callable<String> work) throws Exception {
        jellyfin.clearRequests();
        long datesBefore = app.app.history.episodeQueries().playedCount(userId);
        ProcessCpu self = new ProcessCpu(ProcessHandle.current().pid());
        long cpuBefore = self.millis();
        long started = System.nanoTime();
        String summary = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (self.millis() - cpuBefore) / 1e3;
        long added = app.app.history.episodeQueries().playedCount(userId) - datesBefore;
        Map<String, Integer> byRoute = new TreeMap<>();
        List<FakeRequest> requests = jellyfin.requests();
        for (FakeRequest request : requests) {
            byRoute.merge(request.method() + " " + request.path().replaceAll("[0-9a-f]{32}", "{id}"), 1, Integer::sum);
        }
        long writes = requests.stream().filter(r -> !r.method().equals("GET")).count();
        boolean met = requests.size() <= minimum && writes == 0 && added == expectedDates;
        allMet &= met;
        System.out.printf("RESULT %s: %.2f s wall, %.2f s CPU (Pathary and the fake, one process); %d requests %s, %d writes "
                        + "(minimum %d pages, 0 writes: %s); %d episodes got a date%n    %s%n",
                name, seconds, cpu, requests.size(), byRoute, writes, minimum, met ? "met" : "MISSED", added, summary);
    }
}
