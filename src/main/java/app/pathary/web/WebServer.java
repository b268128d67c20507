package app.pathary.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/**
 * Builds the Javalin server: JSON, static files, the access filter, error mapping, metrics and every feature's routes.
 * The access filter runs once a request has matched a route (it reads the route's {@link Role}); a path no route
 * matches stays a 404. A route without a role stops the server before it listens.
 */
public final class WebServer {
    private static final String STARTED = "pathary.started";
    private final ObjectMapper json;
    private final Handler accessFilter;
    private final ErrorMapping errors;
    private final MeterRegistry meters;
    private final List<WebRoutes> features;

    public WebServer(ObjectMapper json, Handler accessFilter, ErrorMapping errors, MeterRegistry meters, List<WebRoutes> features) {
        this.json = json;
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
            config.http.maxRequestSize = 16L * 1024 * 1024;
            config.jsonMapper(new JavalinJackson(json, true));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
            config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            config.routes.before(SecurityHeaders::apply);
            config.routes.beforeMatched(accessFilter);
            config.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                if (started != null) {
                    var matched = ctx.endpoints().matchedHttpEndpoint();
                    String route = matched == null ? "unmatched" : matched.path;
                    Timer.builder("http.server.requests").tag("method", ctx.method().name()).tag("route", route)
                            .tag("status", Integer.toString(ctx.statusCode())).register(meters)
                            .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                }
            });
            errors.register(config.routes);
            features.forEach(feature -> feature.register(config.routes));
        });
        RoleCheck.requireOneRoleEach(app);
        return app.start(host, port);
    }
}
