package app.pathary;

import app.pathary.arr.radarr.HttpRadarrClient;
import app.pathary.arr.sonarr.HttpSonarrClient;
import app.pathary.cleanup.apply.CleanupFacade;
import app.pathary.cleanup.instances.InstanceCheck;
import app.pathary.cleanup.apply.CleanupMetrics;
import app.pathary.cleanup.apply.SeerrLink;
import app.pathary.notify.Notifications;
import app.pathary.seerr.HttpSeerrClient;
import app.pathary.common.HttpClients;
import app.pathary.common.RemoteFailures;
import app.pathary.common.RetryPolicy;
import app.pathary.common.SecretBox;
import app.pathary.config.AppConfig;
import app.pathary.config.ReloadableConfigFile;
import app.pathary.config.SecretKey;
import app.pathary.dashboard.DashboardFacade;
import app.pathary.db.Database;
import app.pathary.db.SecretKeyCheck;
import app.pathary.history.HistoryFacade;
import app.pathary.show.ShowFacade;
import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.images.PosterFacade;
import app.pathary.jellyfin.images.PosterServers;
import app.pathary.jellyfin.link.DeviceIdentity;
import app.pathary.jellyfin.link.JellyfinLinkFacade;
import app.pathary.jellyfin.link.JellyfinSettingsPages;
import app.pathary.jellyfin.scrobble.ScrobbleFacade;
import app.pathary.jellyfin.sync.JellyfinItemIndex;
import app.pathary.jellyfin.sync.JellyfinSyncFacade;
import app.pathary.jellyfin.sync.Retries;
import app.pathary.job.JobFacade;
import app.pathary.job.JobSpec;
import app.pathary.job.JobTimings;
import app.pathary.job.JobWorkers;
import app.pathary.movie.MovieFacade;
import app.pathary.ops.ApiContract;
import app.pathary.ops.OpsRoutes;
import app.pathary.user.MetricsAccess;
import app.pathary.user.UserFacade;
import app.pathary.watched.WatchedFacade;
import app.pathary.web.ErrorMapping;
import app.pathary.web.Json;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of Pathary with plain constructors, in order. Tests swap the ports they
 * need through {@link Overrides}.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final Duration WATCHED_REPORT_EVERY = Duration.ofHours(6);
    private static final Duration FIRST_WATCHED_REPORT = Duration.ofMinutes(1);
    /**
     * Ports and timings a test may replace: the clock, the listen address, the request timeout and the first wait
     * before retrying a failed request (both named for Jellyfin, and used for Radarr and Sonarr too), and the job
     * queue's timings (heartbeat, staleness, polling, shutdown drain), and the period of the scheduled watched report.
     */
    public record Overrides(Clock clock, String httpHost, Duration jellyfinTimeout, Duration jellyfinRetryWait, JobTimings jobTimings,
            Duration watchedReportEvery) {
        public static Overrides none() {
            return new Overrides(Clock.systemUTC(), "0.0.0.0", Duration.ofSeconds(60), Duration.ofSeconds(1), JobTimings.defaults(),
                    WATCHED_REPORT_EVERY);
        }

        public Overrides withClock(Clock newClock) {
            return new Overrides(newClock, httpHost, jellyfinTimeout, jellyfinRetryWait, jobTimings, watchedReportEvery);
        }

        public Overrides withHttpHost(String host) {
            return new Overrides(clock, host, jellyfinTimeout, jellyfinRetryWait, jobTimings, watchedReportEvery);
        }

        public Overrides withJellyfinTimings(Duration timeout, Duration retryWait) {
            return new Overrides(clock, httpHost, timeout, retryWait, jobTimings, watchedReportEvery);
        }

        public Overrides withJobPoll(Duration poll) {
            return withJobTimings(jobTimings.withPoll(poll));
        }

        public Overrides withJobTimings(JobTimings timings) {
            return new Overrides(clock, httpHost, jellyfinTimeout, jellyfinRetryWait, timings, watchedReportEvery);
        }

        /** The period of the scheduled watched report (6 hours; a test shortens it). */
        public Overrides withWatchedReportEvery(Duration every) {
            return new Overrides(clock, httpHost, jellyfinTimeout, jellyfinRetryWait, jobTimings, every);
        }
    }

    public final AppConfig config;
    public final Database database;
    public final SecretBox secrets;
    public final ClientIdentity jellyfinIdentity;
    public final UserFacade users;
    public final MovieFacade movies;
    public final ShowFacade shows;
    public final HistoryFacade history;
    public final JobFacade jobs;
    public final JellyfinLinkFacade jellyfinLink;
    public final ScrobbleFacade scrobble;
    public final JellyfinSyncFacade jellyfinSync;
    public final WatchedFacade watched;
    public final CleanupFacade cleanup;
    public final PosterFacade posters;
    public final Notifications notifications;
    public final ReloadableConfigFile configFile;
    private final JellyfinClient jellyfinClient;
    private JobWorkers workers;
    private ScheduledExecutorService configWatch;
    private final Overrides overrides;
    private final ObjectMapper json = Json.mapper();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Javalin server;

    private App(AppConfig config, Database database, ClientIdentity jellyfinIdentity, Overrides overrides) {
        this.config = config;
        this.database = database;
        this.overrides = overrides;
        this.jellyfinIdentity = jellyfinIdentity;
        Clock clock = overrides.clock();
        this.secrets = new SecretBox(SecretKey.load(config.appSecret(), config.dataDir()));
        RetryPolicy reads = RetryPolicy.threeAttempts(overrides.jellyfinRetryWait());
        RemoteFailures remoteFailures = (system, reason) ->
                meters.counter("pathary.remote.request.errors", "system", system, "reason", reason).increment();
        HttpClient jellyfinHttp = HttpClients.create(Duration.ofSeconds(5));
        this.jellyfinClient = new HttpJellyfinClient(jellyfinHttp, jellyfinIdentity, overrides.jellyfinTimeout(), reads, remoteFailures);
        // Background work (sync, watched sweep, cleanup) waits out a flaky network: its reads are retried patiently, per
        // request, instead of failing a run of thousands of requests because one was unlucky three times.
        RetryPolicy patientReads = RetryPolicy.patient(overrides.jellyfinRetryWait());
        JellyfinClient backgroundJellyfin = new HttpJellyfinClient(jellyfinHttp, jellyfinIdentity, overrides.jellyfinTimeout(), patientReads,
                remoteFailures);
        HttpClient arrHttp = HttpClients.create(Duration.ofSeconds(5));
        this.users = UserFacade.wire(database.jdbi(), database.reads(), clock);
        this.movies = MovieFacade.wire(database.reads(), clock);
        this.shows = ShowFacade.wire(database.reads(), clock);
        this.history = HistoryFacade.wire(database, movies, shows, clock, config.timezone());
        this.jobs = JobFacade.wire(database, clock, overrides.jobTimings());
        this.jellyfinLink = JellyfinLinkFacade.wire(new JellyfinLinkFacade.Wiring(database.jdbi(), database.reads(), clock, jellyfinClient,
                secrets, config.applicationUrl(), config.web().basePath(), database.dialect() == app.pathary.db.Dialect.SQLITE));
        users.accounts().onDelete(jellyfinLink.links()::userDeleted);
        this.scrobble = ScrobbleFacade.wire(new ScrobbleFacade.Wiring(database, history.history(), history.episodes(), jellyfinClient,
                jellyfinLink.login(), jellyfinLink.writes()), clock, config.timezone());
        this.jellyfinSync = new JellyfinSyncFacade(new JellyfinSyncFacade.Wiring(jellyfinLink.links(), jellyfinLink.login(), backgroundJellyfin,
                new JellyfinItemIndex(database.jdbi()), new Retries(overrides.jellyfinRetryWait()),
                new JellyfinSyncFacade.Collaborators(history.history(), history.queries(), movies.queries(),
                        history.episodes(), history.episodeQueries(), shows.queries()), jobs.queue(), config.timezone(),
                jellyfinLink.writes(), clock));
        history.history().addTransactionListener(jellyfinSync.autoSync());
        history.episodes().addTransactionListener(jellyfinSync.episodeAutoSync());
        this.watched = WatchedFacade.wire(new WatchedFacade.Wiring(database.jdbi(), config.watched(), secrets, backgroundJellyfin, clock,
                config.timezone()));
        this.configFile = new ReloadableConfigFile(config.configFile());
        this.notifications = Notifications.wire(new Notifications.Wiring(database.jdbi(), config.notifications(), configFile, secrets, clock,
                config.timezone()), jobs.queue(), HttpClients.create(Duration.ofSeconds(5)), Duration.ofSeconds(20));
        this.cleanup = CleanupFacade.wire(new CleanupFacade.Wiring(database.jdbi(), config, configFile, secrets, clock,
                        new CleanupMetrics(meters), new LeavingNotices(notifications)),
                new CleanupFacade.Remotes(new HttpRadarrClient(arrHttp, overrides.jellyfinTimeout(), patientReads, remoteFailures),
                        new HttpSonarrClient(arrHttp, overrides.jellyfinTimeout(), patientReads, remoteFailures),
                        new InstanceCheck(new HttpRadarrClient(arrHttp, overrides.jellyfinTimeout(), reads, remoteFailures),
                                new HttpSonarrClient(arrHttp, overrides.jellyfinTimeout(), reads, remoteFailures)), watched, backgroundJellyfin,
                        new SeerrLink(new HttpSeerrClient(arrHttp, overrides.jellyfinTimeout(), patientReads, remoteFailures), config.seerr(),
                                config.timezone())));
        cleanup.runs().addRunListener(new CleanupNotices(notifications));
        this.posters = PosterFacade.wire(new PosterFacade.Wiring(database.reads(), jellyfinClient,
                new PosterServers(this::adminJellyfin, jellyfinLink.login()::serverOf), config.dataDir().resolve("posters"),
                config.posterCacheBytes(), itemId -> cleanup.leaving().leaving().stream().flatMap(item -> item.jellyfinIds().stream())
                        .anyMatch(id -> id.replace("-", "").toLowerCase(java.util.Locale.ROOT).equals(itemId))));
    }

    /** The admin's Jellyfin (JELLYFIN_URL and its API key, from the environment or the watched settings page), if set. */
    private java.util.Optional<JellyfinServer> adminJellyfin() {
        var settings = watched.settings().load();
        return settings.jellyfinConfigured() ? java.util.Optional.of(new JellyfinServer(settings.jellyfinUrl(), settings.apiKey()))
                : java.util.Optional.empty();
    }

    /** Connects to the database and migrates it; the returned app is ready for CLI commands or {@link #startServer}. */
    public static App open(AppConfig config, Overrides overrides) {
        Database.refuseLostDatabase(config.database(), config.dataDir().resolve(SecretKey.FILE_NAME));
        Database database = Database.open(config.database());
        try {
            database.migrate();
            ClientIdentity identity = DeviceIdentity.resolve(database.jdbi(), config.jellyfinDeviceId(), config.jellyfinAppName(), version());
            App app = new App(config, database, identity, overrides);
            SecretKeyCheck.verify(database.jdbi(), app.secrets);
            return app;
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
        Pages pages = new Pages(config.timezone());
        List<WebRoutes> routes = new ArrayList<>();
        routes.add(new OpsRoutes(database::health, database::isMigrated, meters, List.of(jobs.gauges().bindTo(meters))));
        // Early: Javalin tries the routes in order, and the webhook is the one called hundreds of times a second.
        routes.addAll(scrobble.routes(jellyfinLink.links(), meters));
        routes.add(ApiContract.load(json, pages));
        routes.add(new app.pathary.web.AppIcons());
        routes.addAll(users.routes(pages));
        routes.addAll(history.routes(pages, name -> users.accounts().byName(name).id(), this::today, posters.search(), jobs.queue()));
        routes.addAll(posters.routes());
        routes.addAll(DashboardFacade.wire(database.reads(), pages, this::today, day -> {
            var reclaimed = cleanup.reclaimedSince(day.atStartOfDay(config.timezone()).toInstant());
            var leaving = cleanup.leaving().leaving();
            return new DashboardFacade.CleanupGlance(reclaimed.files(), reclaimed.bytes(), leaving.size(),
                    leaving.stream().mapToLong(app.pathary.cleanup.leaving.LeavingItem::bytes).sum(),
                    leaving.stream().map(app.pathary.cleanup.leaving.LeavingItem::leavesOn).min(java.util.Comparator.naturalOrder()).orElse(null));
        }).routes());
        routes.addAll(jellyfinLink.routes(pages, scrobble.deliveries(),
                new JellyfinSettingsPages.DeviceSummary(jellyfinIdentity.deviceId(), config.jellyfinDeviceId().isPresent()), jellyfinClient,
                () -> {
                    var admin = watched.settings().load();
                    return admin.jellyfinConfigured()
                            ? java.util.Optional.of(new app.pathary.jellyfin.client.JellyfinServer(admin.jellyfinUrl(), admin.apiKey()))
                            : java.util.Optional.empty();
                }));
        routes.addAll(jellyfinSync.routes(pages, jobs.repository()));
        routes.addAll(jobs.routes(pages, () -> users.accounts().all().stream()
                .collect(java.util.stream.Collectors.toMap(app.pathary.user.User::id, app.pathary.user.User::name))));
        routes.addAll(watched.routes(pages, jobs.queue(), cleanup::plannedSizes));
        routes.addAll(cleanup.routes(pages, jobs.queue(), watched, jellyfinClient,
                userId -> java.util.Optional.ofNullable(jellyfinLink.links().of(userId).jellyfinUserName())));
        routes.addAll(notifications.routes(pages));
        var web = new WebServer(json, users.accessFilter(MetricsAccess.from(config.metrics()))::handle, new ErrorMapping(pages), meters, routes,
                config.web());
        server = web.start(overrides.httpHost(), config.httpPort());
        startWorkers();
        watchConfigFile();
        return server;
    }

    /** Starts the job workers (serve does this; tests may do it without a web server). */
    public void startWorkers() {
        if (workers == null) {
            var dispatch = new JobDispatch(jellyfinSync, watched.reports(), cleanup.runs(), notifications, history.imports(posters.search()));
            workers = jobs.workers(dispatch, "pathary-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8));
            Duration every = overrides.watchedReportEvery();
            workers.schedule(new JobWorkers.Schedule(new JobSpec.WatchedReport(),
                    every.compareTo(FIRST_WATCHED_REPORT) < 0 ? every : FIRST_WATCHED_REPORT, every, watched.reports()::configured));
            config.jellyfinCatchup().ifPresent(period ->
                    workers.schedule(new JobWorkers.Schedule(new JobSpec.JellyfinCatchupAll(), period, period, () -> true)));
            config.cleanup().schedule().ifPresent(hours ->
                    workers.schedule(new JobWorkers.Schedule(new JobSpec.CleanupScheduled(), hours, hours, cleanup.runs()::configured)));
            workers.start();
        }
    }

    /** Looks at CONFIG_FILE every 30 s, so every replica follows a change to a file they share (serve only). */
    private void watchConfigFile() {
        if (configFile.current().path().isEmpty()) {
            return;
        }
        long every = ReloadableConfigFile.CHECK_EVERY.toMillis();
        configWatch = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pathary-config-file").daemon().factory());
        configWatch.scheduleWithFixedDelay(() -> {
            var refresh = configFile.refresh();
            if (refresh.changed()) {
                LOG.info("CONFIG_FILE changed; now in use ({} instances)", configFile.current().instances().size());
            } else if (refresh.problem() != null) {
                LOG.warn("{}", refresh.problem());
            }
        }, every, every, TimeUnit.MILLISECONDS);
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
        if (configWatch != null) {
            configWatch.shutdownNow();
        }
        meters.close();
        database.close();
    }
}
