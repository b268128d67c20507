package app.pathary.job;

import app.pathary.config.DatabaseSettings;
import app.pathary.db.Database;
import app.pathary.testing.TestDatabases;
import app.pathary.user.Accounts;
import app.pathary.user.LoginFailures;
import app.pathary.user.UserRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Crash trials of the job queue: a database with jobs queued, a {@link CrashingWorker} child JVM started on it and
 * killed with SIGKILL at random moments, restarted each time, and finally left to finish. The end state is read
 * back as an {@link EndState} to compare with that of a run never killed. Used by {@link JobCrashTest} and by
 * {@code bench/job-crash.sh} (through {@link #main}).
 */
final class CrashTrials {
    /** How long after a child's first claim it is killed, at most: about the time its jobs take. */
    static final Duration KILL_WITHIN = Duration.ofMillis(300);
    private final Random random;
    private final int jobs;
    private int kills;
    private int childStarts;

    CrashTrials(long seed, int jobs) {
        this.random = new Random(seed);
        this.jobs = jobs;
    }

    /**
     * What a run leaves behind: each job's key and status, the keys delivered (a table with one row per delivery, so
     * a second delivery would show), jobs whose handler ran more often than they were claimed, jobs left with an
     * owner token; and, differing from run to run, how often handlers ran, how many jobs were claimed again, and how
     * many found their delivery already made (killed between delivering and recording the job done).
     */
    record EndState(List<String> jobs, List<String> deliveries, List<String> runsWithoutAClaim, int ownersLeft, int handlerRuns,
            int reclaimed, int foundDelivered) {
        /** The state without the counts of runs, claims and repeated deliveries, which differ from run to run. */
        EndState outcome() {
            return new EndState(jobs, deliveries, runsWithoutAClaim, ownersLeft, 0, 0, 0);
        }
    }

    int kills() {
        return kills;
    }

    int childStarts() {
        return childStarts;
    }

    /**
     * Queues the jobs on a fresh database; {@code killCount} times starts a child, waits until it has claimed a job,
     * and kills it within {@code killWithin} (unless it finished first); then lets one child finish.
     */
    EndState run(DatabaseSettings settings, int killCount, Duration killWithin) throws Exception {
        Path log = Files.createTempFile("pathary-crashing-worker", ".log");
        try (Database watch = prepare(settings)) {
            for (int i = 0; i < killCount; i++) {
                Process child = start(settings, log);
                awaitFirstClaim(watch, child);
                if (!child.waitFor(random.nextLong(killWithin.toMillis() + 1), TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly().waitFor();
                    kills++;
                }
            }
            Process last = start(settings, log);
            if (!last.waitFor(120, TimeUnit.SECONDS) || last.exitValue() != 0) {
                last.destroyForcibly();
                throw new AssertionError("the last worker did not finish cleanly:\n" + tail(log));
            }
            return read(watch);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Waits until the child runs a job (its worker name carries its pid), or has exited. */
    private static void awaitFirstClaim(Database watch, Process child) throws InterruptedException {
        String worker = "crashing-" + child.pid();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.isAlive() && System.nanoTime() < deadline && watch.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM jobs WHERE worker = :w").bind("w", worker).mapTo(Integer.class).one()) == 0) {
            Thread.sleep(5);
        }
    }

    private Database prepare(DatabaseSettings settings) {
        Database database = Database.open(settings);
        database.migrate();
        database.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE crash_runs (job_key TEXT PRIMARY KEY, runs INTEGER NOT NULL)");
            h.execute("CREATE TABLE crash_deliveries (job_key TEXT PRIMARY KEY)");
        });
        Clock clock = Clock.systemUTC();
        long user = new Accounts(new UserRepository(database.jdbi(), clock), new LoginFailures(database.jdbi(), clock))
                .create("crash@example.org", "password1", "crash", false).id();
        JobRepository queue = new JobRepository(database.jdbi(), database.dialect(), clock);
        for (int movie = 1; movie <= jobs; movie++) {
            queue.enqueue(new JobSpec.JellyfinSync(user, movie));
        }
        return database;
    }

    private Process start(DatabaseSettings settings, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-DLOG_LEVEL=WARN",
                "-cp", System.getProperty("java.class.path"), CrashingWorker.class.getName(), settings.jdbcUrl()));
        settings.user().ifPresent(command::add);
        settings.password().ifPresent(command::add);
        childStarts++;
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static EndState read(Database database) {
        return database.jdbi().withHandle(h -> new EndState(
                h.createQuery("SELECT dedupe_key || ' ' || status FROM jobs ORDER BY dedupe_key").mapTo(String.class).list(),
                h.createQuery("SELECT job_key FROM crash_deliveries ORDER BY job_key").mapTo(String.class).list(),
                h.createQuery("""
                        SELECT r.job_key FROM crash_runs r JOIN jobs j ON j.dedupe_key = r.job_key
                        WHERE r.runs > j.attempts ORDER BY r.job_key""").mapTo(String.class).list(),
                h.createQuery("SELECT count(*) FROM jobs WHERE owner IS NOT NULL").mapTo(Integer.class).one(),
                h.createQuery("SELECT coalesce(sum(runs), 0) FROM crash_runs").mapTo(Integer.class).one(),
                h.createQuery("SELECT count(*) FROM jobs WHERE attempts > 1").mapTo(Integer.class).one(),
                h.createQuery("SELECT count(*) FROM jobs WHERE summary = 'already delivered'").mapTo(Integer.class).one()));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * {@code bench/job-crash.sh [KILLS] [KILLS_PER_DATABASE] [JOBS] [sqlite|postgresql|both]}: kills that many
     * children, a fresh database every KILLS_PER_DATABASE kills (alternating dialects with "both"); prints the counts.
     */
    public static void main(String[] args) throws Exception {
        int killsWanted = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perDatabase = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int jobCount = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        String dialects = args.length > 3 ? args[3] : "both";
        CrashTrials crashes = new CrashTrials(System.nanoTime(), jobCount);
        EndState clean = crashes.run(TestDatabases.freshSqlite(), 0, Duration.ZERO);
        int databases = 0;
        int differing = 0;
        int handlerRuns = 0;
        int reclaimed = 0;
        int foundDelivered = 0;
        long started = System.nanoTime();
        while (crashes.kills() < killsWanted) {
            boolean postgres = dialects.equals("postgresql") || dialects.equals("both") && databases % 2 == 1;
            EndState end = crashes.run(postgres ? TestDatabases.freshPostgres() : TestDatabases.freshSqlite(), perDatabase, KILL_WITHIN);
            databases++;
            handlerRuns += end.handlerRuns();
            reclaimed += end.reclaimed();
            foundDelivered += end.foundDelivered();
            if (!end.outcome().equals(clean.outcome())) {
                differing++;
                System.out.println("database " + databases + (postgres ? " (PostgreSQL)" : " (SQLite)") + " differs from the clean run: " + end);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d workers killed with SIGKILL mid-work (%s, %d databases of %d jobs, %d kills each); %d children started%n",
                crashes.kills(), dialects, databases, jobCount, perDatabase, crashes.childStarts());
        System.out.printf("end states differing from the clean run: %d of %d; jobs claimed again after a kill: %d, of which %d "
                + "found their delivery already made;%n", differing, databases, reclaimed, foundDelivered);
        System.out.printf("handler runs: %d for %d jobs (%.3f per job; a clean run: 1.000); %.0f s in all, %.1f s per kill%n",
                handlerRuns, databases * jobCount, handlerRuns / (double) (databases * jobCount), seconds, seconds / crashes.kills());
        System.exit(differing == 0 ? 0 : 1);
    }
}
