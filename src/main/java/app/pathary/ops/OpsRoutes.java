package app.pathary.ops;

import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes and metrics: {@code GET /health} (200 or 503 with the database's state), {@code GET /health/live} (the process
 * answers: always 200), {@code GET /health/ready} (the database answers and its migrations are done: 200, else 503) and
 * {@code GET /metrics} (Prometheus text format).
 */
public final class OpsRoutes implements WebRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    private final BooleanSupplier databaseUp;
    private final BooleanSupplier migrated;
    private final PrometheusMeterRegistry registry;
    private final List<Runnable> beforeScrape;

    /** @param beforeScrape gauges computed from the database when read (the job queue's), refreshed before each scrape */
    public OpsRoutes(BooleanSupplier databaseUp, BooleanSupplier migrated, PrometheusMeterRegistry registry, List<Runnable> beforeScrape) {
        this.databaseUp = databaseUp;
        this.migrated = migrated;
        this.registry = registry;
        this.beforeScrape = List.copyOf(beforeScrape);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            boolean up = databaseUp.getAsBoolean();
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN", "database", up ? "UP" : "DOWN"));
        }, Role.MACHINE);
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")), Role.MACHINE);
        routes.get("/health/ready", ctx -> {
            boolean schema = migrated.getAsBoolean();
            boolean up = schema && databaseUp.getAsBoolean();
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN", "database", databaseUp.getAsBoolean() ? "UP" : "DOWN",
                    "migrations", schema ? "DONE" : "PENDING"));
        }, Role.MACHINE);
        routes.get("/metrics", ctx -> {
            for (Runnable refresh : beforeScrape) {
                try {
                    refresh.run();
                } catch (RuntimeException e) {
                    // The database is down: the JVM's and the counters' metrics are still worth answering.
                    LOG.warn("A gauge could not be computed for /metrics: {}", e.getMessage());
                }
            }
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        }, Role.SCRAPER);
    }
}
