package app.pathary;

import app.pathary.arr.radarr.HttpRadarrClient;
import app.pathary.arr.radarr.RadarrClient;
import app.pathary.arr.sonarr.HttpSonarrClient;
import app.pathary.arr.sonarr.SonarrClient;
import app.pathary.cleanup.apply.ArrReader;
import app.pathary.cleanup.apply.CleanupExecutor;
import app.pathary.cleanup.apply.CleanupPages;
import app.pathary.cleanup.apply.CleanupRuns;
import app.pathary.cleanup.apply.CleanupStores;
import app.pathary.cleanup.instances.ArrSettingsPages;
import app.pathary.cleanup.instances.ArrSettingsStore;
import app.pathary.cleanup.instances.CleanupLimits;
import app.pathary.cleanup.instances.CleanupSettingsPages;
import app.pathary.common.RetryPolicy;
import app.pathary.common.SecretBox;
import app.pathary.config.AppConfig;
import app.pathary.config.SecretKey;
import app.pathary.db.Database;
import app.pathary.history.HistoryApi;
import app.pathary.history.HistoryCsv;
import app.pathary.history.HistoryPages;
import app.pathary.history.HistoryQueries;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.link.DeviceIdentity;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.jellyfin.link.JellyfinLogin;
import app.pathary.jellyfin.link.JellyfinSettingsPages;
import app.pathary.jellyfin.link.WebhookUrls;
import app.pathary.jellyfin.scrobble.DeliveryLog;
import app.pathary.jellyfin.scrobble.Scrobbler;
import app.pathary.jellyfin.scrobble.WebhookApi;
import app.pathary.jellyfin.sync.JellyfinItemIndex;
import app.pathary.jellyfin.sync.JellyfinJobs;
import app.pathary.jellyfin.sync.JellyfinSyncPages;
import app.pathary.jellyfin.sync.Retries;
import app.pathary.job.JobPages;
import app.pathary.job.JobQueue;
import app.pathary.job.JobRepository;
import app.pathary.job.JobSpec;
import app.pathary.job.JobTimings;
import app.pathary.job.JobWorkers;
import app.pathary.movie.MovieQueries;
import app.pathary.movie.MovieRepository;
import app.pathary.ops.OpsRoutes;
import app.pathary.user.AccessFilter;
import app.pathary.user.AccountPages;
import app.pathary.user.Accounts;
import app.pathary.user.AdminUserPages;
import app.pathary.user.ApiTokens;
import app.pathary.user.AuthApi;
import app.pathary.user.LoginFailures;
import app.pathary.user.MetricsAccess;
import app.pathary.user.Sessions;
import app.pathary.user.UserRepository;
import app.pathary.watched.WatchedPages;
import app.pathary.watched.WatchedReportJob;
import app.pathary.watched.WatchedReportRepository;
import app.pathary.watched.WatchedSettingsStore;
import app.pathary.watched.WatchedSweep;
import app.pathary.web.ErrorMapping;
import app.pathary.web.Json;
import app.pathary.web.Pages;
import app.pathary.web.WebServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The composition root: builds every part of Pathary with plain constructors, in order. Tests swap the ports they
 * need through {@link Overrides}.
 */
public final class App implements AutoCloseable {
    /**
     * Ports and timings a test may replace: the clock, the listen address, the request timeout and the first wait
     * before retrying a failed request (both named for Jellyfin, and used for Radarr and Sonarr too), and the job
     * queue's timings (heartbeat, staleness, polling, shutdown drain).
     */
    public record Overrides(Clock clock, String httpHost, Duration jellyfinTimeout, Duration jellyfinRetryWait, JobTimings jobTimings) {
        public static Overrides none() {
            return new Overrides(Clock.systemUTC(), "0.0.0.0", Duration.ofSeconds(60), Duration.ofSeconds(1), JobTimings.defaults());
        }

        public Overrides withClock(Clock newClock) {
            return new Overrides(newClock, httpHost, jellyfinTimeout, jellyfinRetryWait, jobTimings);
        }

        public Overrides withHttpHost(String host) {
            return new Overrides(clock, host, jellyfinTimeout, jellyfinRetryWait, jobTimings);
        }

        public Overrides withJellyfinTimings(Duration timeout, Duration retryWait) {
            return new Overrides(clock, httpHost, timeout, retryWait, jobTimings);
        }

        public Overrides withJobPoll(Duration poll) {
            return withJobTimings(jobTimings.withPoll(poll));
        }

        public Overrides withJobTimings(JobTimings timings) {
            return new Overrides(clock, httpHost, jellyfinTimeout, jellyfinRetryWait, timings);
        }
    }

    public final AppConfig config;
    public final Database database;
    public final SecretBox secrets;
    public final Accounts accounts;
    public final Sessions sessions;
    public final ApiTokens apiTokens;
    public final MovieQueries movieQueries;
    public final WatchHistory watchHistory;
    public final HistoryQueries historyQueries;
    public final HistoryCsv historyCsv;
    public final JellyfinLinkRepository jellyfinLinks;
    public final DeliveryLog deliveryLog;
    public final Scrobbler scrobbler;
    public final WebhookUrls webhookUrls;
    public final ClientIdentity jellyfinIdentity;
    public final JellyfinClient jellyfinClient;
    public final JellyfinLogin jellyfinLogin;
    public final JobRepository jobRepository;
    public final JobQueue jobQueue;
    public final JellyfinJobs jellyfinJobs;
    public final WatchedSettingsStore cleanupSettings;
    public final WatchedReportRepository watchedReports;
    public final WatchedReportJob watchedReportJob;
    public final ArrSettingsStore arrSettings;
    public final CleanupStores cleanupRecords;
    public final CleanupRuns cleanupRuns;
    private final ArrReader arrReader;
    private final app.pathary.cleanup.instances.InstanceCheck instanceCheck;
    private JobWorkers workers;
    private final Overrides overrides;
    private final ObjectMapper json = Json.mapper();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Javalin server;

    private App(AppConfig config, Database database, ClientIdentity jellyfinIdentity, Overrides overrides) {
        this.config = config;
        this.database = database;
        this.overrides = overrides;
        Clock clock = overrides.clock();
        this.secrets = new SecretBox(SecretKey.load(config.appSecret(), config.dataDir()));
        UserRepository users = new UserRepository(database.jdbi(), clock);
        this.accounts = new Accounts(users, new LoginFailures(database.jdbi(), clock));
        this.sessions = new Sessions(database.jdbi(), clock);
        this.apiTokens = new ApiTokens(database.jdbi(), clock);
        this.movieQueries = new MovieQueries(database.reads());
        this.watchHistory = new WatchHistory(database.writes(), new MovieRepository(clock), clock);
        this.historyQueries = new HistoryQueries(database.reads());
        this.historyCsv = new HistoryCsv(watchHistory, historyQueries);
        this.jellyfinLinks = new JellyfinLinkRepository(database.jdbi(), database.reads(), clock);
        this.deliveryLog = new DeliveryLog(database.writes(), database.reads(), clock);
        this.scrobbler = new Scrobbler(watchHistory, deliveryLog, clock, config.timezone());
        this.webhookUrls = new WebhookUrls(jellyfinLinks, config.applicationUrl());
        this.jellyfinIdentity = jellyfinIdentity;
        RetryPolicy reads = RetryPolicy.threeAttempts(overrides.jellyfinRetryWait());
        this.jellyfinClient = new HttpJellyfinClient(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), jellyfinIdentity, overrides.jellyfinTimeout(), reads);
        this.jellyfinLogin = new JellyfinLogin(jellyfinLinks, jellyfinClient, secrets);
        this.jobRepository = new JobRepository(database.jdbi(), database.dialect(), clock);
        this.jobQueue = new JobQueue(jobRepository, overrides.jobTimings().heartbeat());
        this.jellyfinJobs = new JellyfinJobs(jellyfinLinks, jellyfinLogin, jellyfinClient, new JellyfinItemIndex(database.jdbi()),
                new Retries(overrides.jellyfinRetryWait()), new JellyfinJobs.Collaborators(watchHistory, historyQueries, movieQueries),
                jobQueue, config.timezone());
        watchHistory.addTransactionListener(jellyfinJobs.autoSync());
        this.cleanupSettings = new WatchedSettingsStore(database.jdbi(), config.environment(), secrets);
        this.watchedReports = new WatchedReportRepository(database.jdbi());
        this.watchedReportJob = new WatchedReportJob(cleanupSettings, new WatchedSweep(jellyfinClient, clock), watchedReports,
                clock, config.timezone());
        HttpClient arrHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        RadarrClient radarr = new HttpRadarrClient(arrHttp, overrides.jellyfinTimeout(), reads);
        SonarrClient sonarr = new HttpSonarrClient(arrHttp, overrides.jellyfinTimeout(), reads);
        this.arrSettings = new ArrSettingsStore(database.jdbi(), config.environment(), secrets, clock);
        this.cleanupRecords = CleanupStores.of(database.jdbi(), clock);
        this.arrReader = new ArrReader(radarr, sonarr);
        this.instanceCheck = new app.pathary.cleanup.instances.InstanceCheck(radarr, sonarr);
        this.cleanupRuns = new CleanupRuns(watchedReportJob, arrSettings, arrReader, new CleanupExecutor(radarr, sonarr, cleanupRecords),
                cleanupRecords, new CleanupRuns.Setting(clock, config.timezone(), CleanupLimits.from(config.environment())));
    }

    /** Connects to the database and migrates it; the returned app is ready for CLI commands or {@link #startServer}. */
    public static App open(AppConfig config, Overrides overrides) {
        Database database = Database.open(config.database());
        try {
            database.migrate();
            ClientIdentity identity = DeviceIdentity.resolve(database.jdbi(), config.jellyfinDeviceId(), config.jellyfinAppName(), version());
            return new App(config, database, identity, overrides);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts the HTTP server on the configured port (0 picks a free one). */
    public Javalin startServer() {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        Pages pages = new Pages();
        var access = new AccessFilter(sessions, apiTokens, accounts, MetricsAccess.from(config.environment()));
        var web = new WebServer(json, access::handle, new ErrorMapping(pages), meters, List.of(
                new OpsRoutes(database::isUp, meters),
                new AccountPages(pages, accounts, sessions, apiTokens),
                new AdminUserPages(pages, accounts),
                new AuthApi(accounts, apiTokens),
                new HistoryPages(pages, watchHistory, historyQueries, movieQueries, this::today),
                new HistoryApi(name -> accounts.byName(name).id(), watchHistory, historyQueries),
                new WebhookApi(jellyfinLinks, scrobbler),
                new JellyfinSettingsPages(pages, jellyfinLinks, webhookUrls, jellyfinLogin, deliveryLog,
                        new JellyfinSettingsPages.DeviceSummary(jellyfinIdentity.deviceId(), config.jellyfinDeviceId().isPresent())),
                new JellyfinSyncPages(pages, jellyfinLinks, jellyfinJobs, jobRepository),
                new JobPages(pages, jobRepository),
                new WatchedPages(pages, watchedReports, jobQueue, overrides.clock()),
                new CleanupSettingsPages(pages, cleanupSettings, jellyfinClient, arrSettings),
                new ArrSettingsPages(arrSettings, instanceCheck),
                new CleanupPages(pages, cleanupRecords, cleanupRuns, jobQueue, config.timezone())));
        server = web.start(overrides.httpHost(), config.httpPort());
        startWorkers();
        return server;
    }

    /** Starts the job workers (serve does this; tests may do it without a web server). */
    public void startWorkers() {
        if (workers == null) {
            var dispatch = new JobDispatch(jellyfinJobs, watchedReportJob, cleanupRuns);
            workers = new JobWorkers(jobRepository, dispatch, "pathary-" + ProcessHandle.current().pid()
                    + "-" + java.util.UUID.randomUUID().toString().substring(0, 8), 2, overrides.jobTimings());
            workers.schedule(new JobWorkers.Schedule(new JobSpec.WatchedReport(), Duration.ofMinutes(1), Duration.ofHours(6),
                    watchedReportJob::configured));
            config.environment().get("CLEANUP_SCHEDULE_HOURS").map(hours -> scheduleHours(hours)).ifPresent(every ->
                    workers.schedule(new JobWorkers.Schedule(new JobSpec.CleanupScheduled(), every, every, cleanupRuns::configured)));
            jobQueue.onEnqueue(workers::nudge);
            workers.start();
        }
    }

    private static Duration scheduleHours(String hours) {
        if (!hours.strip().matches("\\d{1,4}") || Integer.parseInt(hours.strip()) == 0) {
            throw new app.pathary.config.ConfigException("CLEANUP_SCHEDULE_HOURS must be a whole number of hours from 1 to 9999.");
        }
        return Duration.ofHours(Integer.parseInt(hours.strip()));
    }

    /** Pathary's version, from the jar's manifest ("development" when run from classes). */
    public static String version() {
        String version = App.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Today's date in the configured time zone. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(overrides.clock().withZone(config.timezone()));
    }

    public int port() {
        return server.port();
    }

    /**
     * Stops Pathary (serve's SIGTERM hook calls this): the web server first, so no new work arrives; then the job
     * workers, which stop claiming, let running jobs finish for up to the drain period (20 s) and queue the rest again;
     * the database last, once nothing uses it.
     */
    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        if (workers != null) {
            workers.close();
        }
        meters.close();
        database.close();
    }
}
