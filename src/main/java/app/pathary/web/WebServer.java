package app.pathary.web;

import app.pathary.config.WebOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin server: JSON, static files, the access filter, error mapping, metrics and every feature's routes.
 * The access filter runs once a request has matched a route (it reads the route's {@link Role}); a path no route
 * matches stays a 404. A route without a role stops the server before it listens.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String STARTED = "pathary.started";
    /** Jetty's platform threads (selectors, acceptor, non-blocking callbacks); they start only as work needs them. */
    private static final int MAX_PLATFORM_THREADS = 50;
    private final ObjectMapper json;
    private final Handler accessFilter;
    private final ErrorMapping errors;
    private final MeterRegistry meters;
    private final List<WebRoutes> features;
    /** {@code http.server.requests} per method, route and status, found once rather than built and looked up per request. */
    private final java.util.Map<Answered, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private record Answered(String method, String route, int status) {
    }
    private final WebOptions options;

    public WebServer(ObjectMapper json, Handler accessFilter, ErrorMapping errors, MeterRegistry meters, List<WebRoutes> features,
            WebOptions options) {
        this.json = json;
        this.options = options;
        this.accessFilter = accessFilter;
        this.errors = errors;
        this.meters = meters;
        this.features = List.copyOf(features);
    }

    public Javalin start(String host, int port) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.threadPool = threadPool();
            config.http.maxRequestSize = 16L * 1024 * 1024;
            // Javalin copies each answer into Jetty's output (which still gathers up to 32 KB before it writes) through a
            // buffer of this size made per request; its default, 32 KB, was most of what a webhook delivery allocated
            config.http.responseBufferSize = 8192;
            config.jsonMapper(new JavalinJackson(json, true));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
            // BASE_PATH: the proxy forwards /pathary/... unchanged and Jetty answers only under it.
            config.router.contextPath = options.basePath().isEmpty() ? "/" : options.basePath();
            ForwardedHeaders forwarded = new ForwardedHeaders(options.trustedProxies());
            config.contextResolver.ip = forwarded::clientAddress;
            config.contextResolver.scheme = forwarded::scheme;
            config.contextResolver.host = forwarded::host;
            RequestScope scope = new RequestScope(forwarded, options.basePath());
            config.jetty.modifyServletContextHandler(handler ->
                    handler.addFilter(new FilterHolder(scope), "/*", EnumSet.of(DispatcherType.REQUEST)));
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.before(SecurityHeaders::apply);
            config.routes.beforeMatched(accessFilter);
            config.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                if (started != null) {
                    String route = AppPath.route(ctx);
                    long took = System.nanoTime() - started;
                    timers.computeIfAbsent(new Answered(ctx.method().name(), route, ctx.statusCode()), this::timer)
                            .record(took, java.util.concurrent.TimeUnit.NANOSECONDS);
                    // The route as declared, never the path: a webhook's secret id stays out of the log.
                    LOG.debug("{} {} -> {} in {} ms", ctx.method(), route, ctx.statusCode(), took / 1_000_000);
                }
            });
            errors.register(config.routes);
            features.forEach(feature -> feature.register(config.routes));
        });
        RoleCheck.requireOneRoleEach(app);
        return app.start(host, port);
    }

    /**
     * Requests run on virtual threads, Jetty's own work (accepting, selecting, writing) on a few platform threads. With
     * Javalin's pool, where every thread is virtual, Jetty's selector blocks in a virtual thread, so each wake-up went
     * through the JDK's poller thread as well as Jetty's, and mounted a continuation: about 10 % of a steady webhook's
     * CPU (docs/PERFORMANCE.md, "Eighth session").
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_PLATFORM_THREADS, 2);
        pool.setName("pathary-http");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("pathary-request-", 0).factory()));
        return pool;
    }

    private Timer timer(Answered answered) {
        return Timer.builder("http.server.requests").tag("method", answered.method()).tag("route", answered.route())
                .tag("status", Integer.toString(answered.status())).register(meters);
    }
}
