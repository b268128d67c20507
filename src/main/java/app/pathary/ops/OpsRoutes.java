package app.pathary.ops;

import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Probes and metrics: {@code GET /health} (200 or 503 with the database's state), {@code GET /health/live} (the process
 * answers: always 200), {@code GET /health/ready} (the database answers and its migrations are done: 200, else 503) and
 * {@code GET /metrics} (Prometheus text format).
 */
public final class OpsRoutes implements WebRoutes {
    private final BooleanSupplier databaseUp;
    private final BooleanSupplier migrated;
    private final PrometheusMeterRegistry registry;

    public OpsRoutes(BooleanSupplier databaseUp, BooleanSupplier migrated, PrometheusMeterRegistry registry) {
        this.databaseUp = databaseUp;
        this.migrated = migrated;
        this.registry = registry;
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
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()), Role.SCRAPER);
    }
}
