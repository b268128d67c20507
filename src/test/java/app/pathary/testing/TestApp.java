package app.pathary.testing;

import app.pathary.App;
import app.pathary.config.AppConfig;
import app.pathary.config.DatabaseSettings;
import app.pathary.config.Environment;
import app.pathary.job.JobTimings;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A real Pathary server on 127.0.0.1 and a free port, on a real database, for HTTP tests. */
public final class TestApp implements AutoCloseable {
    /**
     * The data folder of each database: an app started again on a database keeps its folder, and so its generated
     * secret key, as a restarted server does (a database refuses an instance whose key is not the one it was sealed with).
     */
    private static final Map<String, Path> DATA_DIRS = new java.util.concurrent.ConcurrentHashMap<>();
    public final App app;
    public final Path dataDir;
    /** The running Javalin server (e.g. to list every route it answers). */
    public final Javalin server;

    private TestApp(App app, Path dataDir, Javalin server) {
        this.app = app;
        this.dataDir = dataDir;
        this.server = server;
    }

    public static TestApp start(DatabaseSettings database) {
        return start(database, Clock.systemUTC(), Map.of());
    }

    public static TestApp start(DatabaseSettings database, Clock clock, Map<String, String> extraEnvironment) {
        return start(database, extraEnvironment, overrides -> overrides.withClock(clock));
    }

    /** With the time Pathary waits for each Jellyfin answer (e.g. longer, for a fake that holds its answers on purpose). */
    public static TestApp start(DatabaseSettings database, Clock clock, Map<String, String> extraEnvironment,
            java.time.Duration jellyfinTimeout) {
        return start(database, extraEnvironment, overrides -> overrides.withClock(clock)
                .withJellyfinTimings(jellyfinTimeout, java.time.Duration.ofMillis(20)));
    }

    /** An app whose timings (job queue, schedules, Jellyfin) the test changes from those of {@link #start}. */
    public static TestApp start(DatabaseSettings database, Map<String, String> extraEnvironment, UnaryOperator<App.Overrides> tweak) {
        Path dataDir = extraEnvironment.containsKey("DATA_DIR") ? Path.of(extraEnvironment.get("DATA_DIR"))
                : DATA_DIRS.computeIfAbsent(database.jdbcUrl(), url -> tempDir());
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("DATA_DIR", dataDir.toString());
        env.put("HTTP_PORT", "0");
        // tests written for deletion at the next run say nothing of the leaving-soon period; tests of the schedule set it
        env.putIfAbsent("CLEANUP_LEAVING_SOON_DAYS", "0");
        AppConfig config = AppConfig.from(new Environment(env)).withDatabase(database).withHttpPort(0);
        App app = App.open(config, tweak.apply(App.Overrides.none().withHttpHost("127.0.0.1")
                .withJellyfinTimings(java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(20))
                .withJobTimings(JobTimings.defaults().withPoll(java.time.Duration.ofMillis(100))
                        .withDrain(java.time.Duration.ofSeconds(2)))));
        Javalin server = app.startServer();
        return new TestApp(app, dataDir, server);
    }

    /** The server's address, {@code BASE_PATH} included: every path a test sends is taken under it. */
    public String baseUrl() {
        return origin() + app.config.web().basePath();
    }

    /** The scheme, host and port only (for requests outside {@code BASE_PATH}). */
    public String origin() {
        return "http://127.0.0.1:" + app.port();
    }

    /** A new HTTP client with its own cookie jar, talking to this server. */
    public WebClient client() {
        return new WebClient(baseUrl());
    }

    /**
     * Creates a member (not an admin) named {@code login}, with {@code <login>@example.org} and password "password1", and
     * answers a new client logged in as them.
     */
    public WebClient member(String login) {
        app.users.accounts().create(login + "@example.org", "password1", login, false);
        WebClient member = client();
        member.logIn(login, "password1");
        return member;
    }

    @Override
    public void close() {
        app.close();
    }

    private static Path tempDir() {
        return TempFolders.create("pathary-data");
    }
}
