package app.pathary;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.config.DatabaseSettings;
import app.pathary.db.Database;
import app.pathary.job.Job;
import app.pathary.job.JobTimings;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several Pathary instances on one PostgreSQL (README, "Several replicas"): three replicas share the database and
 * nothing else. Webhook deliveries spread over them count each play once, a job one replica queued and was running
 * when it was killed is finished by another, and a scheduled job runs once per period whichever replicas are up.
 * PostgreSQL only: several processes on one SQLite file is not a supported way to run Pathary.
 */
class ReplicasTest {
    /**
     * Short job clocks: a silent replica's job is queued again 3 to 6 s after its last heartbeat. Fifteen beats make a
     * lease, so a replica starved of CPU on a busy machine still keeps its job.
     */
    static final JobTimings TIMINGS = new JobTimings(Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofMillis(100),
            Duration.ofSeconds(2));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "one APP_SECRET shared by every replica";
    private static final int DELIVERIES = 10_000;
    private static final int MOVIES = 250;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final List<TestApp> replicas = new ArrayList<>();
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        replicas.forEach(TestApp::close);
        jellyfin.close();
    }

    private void startReplicas(int count, DatabaseSettings database, Map<String, String> environment, Duration reportEvery) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("APP_SECRET", SECRET);
        env.put("TIMEZONE", "UTC");
        for (int i = 0; i < count; i++) {
            replicas.add(TestApp.start(database, env, overrides -> overrides.withJobTimings(TIMINGS).withWatchedReportEvery(reportEvery)));
        }
    }

    @Test
    void ten_thousand_deliveries_spread_over_three_replicas_and_replayed_twice_count_every_play_once() throws Exception {
        DatabaseSettings database = TestDatabases.freshPostgres();
        startReplicas(3, database, Map.of(), Duration.ofHours(6));
        long userId = replicas.get(0).app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        String hook = "/api/webhook/jellyfin/" + replicas.get(1).app.jellyfinLink.webhookUrls().regenerate(userId);
        FakeUser alice = jellyfin.addUser("alice", "pw");
        List<ObjectNode> payloads = new ArrayList<>();
        for (int movie = 1; movie <= MOVIES; movie++) {
            FakeItem item = jellyfin.addMovie("Replica movie " + movie, 1990 + movie % 30).tmdb(Integer.toString(200_000 + movie));
            payloads.add((ObjectNode) JSON.readTree(jellyfin.webhooks().playbackStop(alice, item, 0, true)));
        }
        Instant firstPlay = Instant.parse("2026-01-03T00:00:00Z");
        List<byte[]> deliveries = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            ObjectNode play = payloads.get(i % MOVIES).deepCopy();
            play.put("UtcTimestamp", firstPlay.plusSeconds(i).toString().replace("Z", ".0000000Z"));
            deliveries.add(JSON.writeValueAsBytes(play));
        }

        long started = System.nanoTime();
        Map<String, Integer> first = send(deliveries, hook, 1);
        Map<String, Integer> replays = send(deliveries, hook, 2);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ReplicasTest: %d deliveries (and %d replays) over 3 replicas in %.1f s%n", DELIVERIES, 2 * DELIVERIES, seconds);

        assertThat(first).as("each delivery, sent once, round robin").isEqualTo(Map.of("recorded", DELIVERIES));
        assertThat(replays).as("the same deliveries twice more, each copy to another replica at the same moment")
                .isEqualTo(Map.of("duplicate", 2 * DELIVERIES));
        Map<Integer, Integer> plays = new HashMap<>();
        List<LocalDate> dates = new ArrayList<>();
        replicas.get(2).app.database.reads().useHandle(h -> h.createQuery("""
                        SELECT m.tmdb_id, w.watched_at, w.plays FROM watch_dates w JOIN movies m ON m.id = w.movie_id
                        WHERE w.user_id = :u""").bind("u", userId)
                .map((rs, ctx) -> {
                    plays.merge(rs.getInt("tmdb_id"), rs.getInt("plays"), Integer::sum);
                    dates.add(rs.getObject("watched_at", LocalDate.class));
                    return null;
                }).list());
        assertThat(plays).hasSize(MOVIES).allSatisfy((tmdb, count) -> assertThat(count).as("plays of TMDb %d", tmdb)
                .isEqualTo(DELIVERIES / MOVIES));
        assertThat(dates).as("one watch date per movie, the day the plays ended").hasSize(MOVIES).containsOnly(LocalDate.of(2026, 1, 3));
        assertThat(replicas.get(0).app.history.queries().datesOf(userId, movieId(userId, 200_001)).getFirst().plays())
                .isEqualTo(DELIVERIES / MOVIES);

        WebClient browser = new WebClient(replicas.get(0).baseUrl());
        browser.logIn("alice", "password1");
        browser.submit("/settings/integrations/jellyfin", "/settings/integrations/jellyfin/scrobble", Map.of("enabled", "false"));
        ObjectNode late = payloads.getFirst().deepCopy();
        late.put("UtcTimestamp", "2026-01-04T10:00:00.0000000Z");
        HttpResponse<String> answer = post(replicas.get(2).baseUrl() + hook, JSON.writeValueAsBytes(late));
        assertThat(answer.body()).as("scrobbling switched off on one replica, at once on another")
                .contains("\"result\":\"ignored\"").contains("Scrobbling is switched off.");
    }

    private long movieId(long userId, int tmdbId) {
        return replicas.get(0).app.database.reads().withHandle(h -> h.createQuery("SELECT id FROM movies WHERE tmdb_id = :t")
                .bind("t", tmdbId).mapTo(Long.class).one());
    }

    /**
     * Sends every delivery {@code copies} times, round robin over the replicas: copy k of delivery i goes to replica
     * (i + k + offset) mod 3, and the copies of one delivery are sent side by side, so they race each other. Returns
     * how many answers said each result.
     */
    private Map<String, Integer> send(List<byte[]> deliveries, String hook, int copies) throws Exception {
        int offset = copies == 1 ? 0 : 1;
        Map<String, LongAdder> results = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        int total = deliveries.size() * copies;
        ExecutorService senders = Executors.newFixedThreadPool(12);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            running.add(senders.submit(() -> {
                for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    int i = n / copies;
                    int replica = (i + n % copies + offset) % replicas.size();
                    HttpResponse<String> answer = post(replicas.get(replica).baseUrl() + hook, deliveries.get(i));
                    String result = answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("result").asText()
                            : "status " + answer.statusCode() + ": " + answer.body();
                    results.computeIfAbsent(result, r -> new LongAdder()).increment();
                }
                return null;
            }));
        }
        for (Future<?> sender : running) {
            sender.get();
        }
        senders.shutdown();
        Map<String, Integer> counted = new HashMap<>();
        results.forEach((result, count) -> counted.put(result, count.intValue()));
        return counted;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> post(String url, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain; charset=utf-8")
                .header("User-Agent", "Jellyfin-Server/10.11.11").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> watchedEnvironment() {
        jellyfin.useClock(java.time.Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        String apiKey = jellyfin.addApiKey();
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603").path("/media/movies/The Matrix (1999).mkv");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        return Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", apiKey, "CLEANUP_PRIMARY_USER", "alice");
    }

    @Test
    void a_job_queued_on_a_replica_killed_while_running_it_is_finished_by_another_once_its_lease_runs_out() throws Exception {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        Map<String, String> env = watchedEnvironment();
        jellyfin.failNext(1, FakeJellyfin.Fault.HANG);
        int port = startChild(settings, env);
        WebClient admin = new WebClient("http://127.0.0.1:" + port);
        admin.setUpAdmin("root", "root@example.org", "password1");
        admin.submit("/admin/cleanup/watched", "/admin/cleanup/watched/refresh", Map.of());

        try (Database database = Database.open(settings)) {
            String childWorker = "pathary-" + child.pid() + "-%";
            awaitTrue(() -> runningOn(database, childWorker) != null, "the killed-to-be replica runs the report");
            String owner = runningOn(database, childWorker);
            long id = database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM jobs WHERE owner = :o").bind("o", owner)
                    .mapTo(Long.class).one());
            startReplicas(2, settings, env, Duration.ofHours(6));
            Thread.sleep(TIMINGS.stale().plusMillis(500).toMillis());
            assertThat(runningOn(database, childWorker)).as("a live replica keeps its job: its heartbeats renew the lease")
                    .isEqualTo(owner);

            child.destroyForcibly().waitFor();
            TestApp survivor = replicas.get(0);
            awaitTrue(() -> survivor.app.jobs.queue().find(id).orElseThrow().finished(), "another replica finishes the report");
            Job report = survivor.app.jobs.queue().find(id).orElseThrow();
            assertThat(report.status()).isEqualTo(Job.Status.DONE);
            assertThat(report.attempts()).as("claimed by the killed replica, then once more by a survivor").isEqualTo(2);
            assertThat(report.summary()).isEqualTo("1 eligible, 0 waiting, 0 kept, 0 doubtful.");
            assertThat(survivor.app.watched.stored().latestJson()).isPresent();
            WebClient elsewhere = new WebClient(replicas.get(1).baseUrl());
            elsewhere.logIn("root", "password1");
            assertThat(elsewhere.get("/admin/cleanup/watched").body()).as("the session and the report, made on other replicas")
                    .contains("The Matrix");
        }
    }

    /** The owner token of the watched report while the worker named like {@code worker} runs it, else null. */
    private static String runningOn(Database database, String worker) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT owner FROM jobs WHERE type = 'watched_report' AND status = 'running' AND worker LIKE :w")
                .bind("w", worker).mapTo(String.class).findOne().orElse(null));
    }

    private int startChild(DatabaseSettings settings, Map<String, String> env) throws Exception {
        Path log = Files.createTempFile("pathary-replica", ".log");
        Path data = Files.createTempDirectory("pathary-replica-data");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ReplicaProcess.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().putAll(TestDatabases.environment(settings));
        builder.environment().putAll(Map.of("APP_SECRET", SECRET, "TIMEZONE", "UTC", "DATA_DIR", data.toString(), "LOG_LEVEL", "WARN"));
        child = builder.start();
        Pattern listening = Pattern.compile("LISTENING (\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = listening.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(child.isAlive()).as("the replica process started; its log: %s", Files.readString(log)).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("the replica process did not listen within 60 s: " + Files.readString(log));
    }

    @Test
    void the_scheduled_report_runs_once_per_period_across_three_replicas_and_goes_on_when_two_stop() throws Exception {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        Duration every = Duration.ofSeconds(1);
        startReplicas(3, settings, watchedEnvironment(), every);
        TestApp last = replicas.get(2);
        awaitTrue(() -> done(last) >= 4, "four periods with three replicas");
        replicas.remove(0).close();
        replicas.remove(0).close();
        int before = done(last);
        awaitTrue(() -> done(last) >= before + 3, "three more periods with one replica");
        replicas.remove(0).close();

        try (Database database = Database.open(settings)) {
            List<long[]> jobs = database.jdbi().withHandle(h -> h.createQuery("""
                            SELECT coalesce(scheduled_for, -1) AS period, attempts, CASE WHEN status = 'done' THEN 1 ELSE 0 END AS done
                            FROM jobs WHERE type = 'watched_report' ORDER BY id""")
                    .map((rs, ctx) -> new long[] {rs.getLong("period"), rs.getLong("attempts"), rs.getLong("done")}).list());
            assertThat(jobs).as("every report was queued by the schedule").allSatisfy(job -> assertThat(job[0]).isPositive());
            assertThat(jobs.stream().filter(job -> job[2] == 1)).as("every finished report ran once").hasSizeGreaterThanOrEqualTo(7)
                    .allSatisfy(job -> assertThat(job[1]).isEqualTo(1));
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < jobs.size(); i++) {
                gaps.add(jobs.get(i)[0] - jobs.get(i - 1)[0]);
            }
            assertThat(gaps).as("one report per period at most: periods in order, whole periods apart (a period whose report "
                            + "would have come while the previous one still waited is covered by that one)")
                    .allSatisfy(gap -> assertThat(gap).isPositive().isEqualTo(gap / every.toMillis() * every.toMillis()));
        }
    }

    private static int done(TestApp app) {
        return app.app.jobs.repository().list(Job.Status.DONE, "watched_report", null, 1000).size();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 60 s: %s", what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
