package app.pathary.ops;

import app.pathary.db.DatabaseHealth;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes and metrics: {@code GET /health} (200, or 503 when the database does not take a write, with the reason),
 * {@code GET /health/live} (the process answers: always 200), {@code GET /health/ready} (the database takes writes and
 * its migrations are done: 200, else 503 with the reason) and {@code GET /metrics} (Prometheus text format). The write
 * probe runs at most every few seconds, so probes may call these as often as they like.
 */
public final class OpsRoutes implements WebRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
    private final Supplier<DatabaseHealth> database;
    private final BooleanSupplier migrated;
    private final PrometheusMeterRegistry registry;
    private final List<Runnable> beforeScrape;

    /** @param beforeScrape gauges computed from the database when read (the job queue's), refreshed before each scrape */
    public OpsRoutes(Supplier<DatabaseHealth> database, BooleanSupplier migrated, PrometheusMeterRegistry registry,
            List<Runnable> beforeScrape) {
        this.database = database;
        this.migrated = migrated;
        this.registry = registry;
        this.beforeScrape = List.copyOf(beforeScrape);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> answer(ctx, database.get(), null), Role.MACHINE);
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")), Role.MACHINE);
        routes.get("/health/ready", ctx -> answer(ctx, database.get(), migrated.getAsBoolean()), Role.MACHINE);
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

    private static void answer(Context ctx, DatabaseHealth health, Boolean migrated) {
        boolean up = health.up() && (migrated == null || migrated);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", health.up() ? "UP" : "DOWN");
        if (migrated != null) {
            body.put("migrations", migrated ? "DONE" : "PENDING");
        }
        if (!health.up()) {
            body.put("reason", health.reason());
        }
        ctx.status(up ? 200 : 503).json(body);
    }
}
