package app.pathary.ops;

import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /health} (200 or 503 with the database's state) and {@code GET /metrics} (Prometheus text format). */
public final class OpsRoutes implements WebRoutes {
    private final BooleanSupplier databaseUp;
    private final PrometheusMeterRegistry registry;

    public OpsRoutes(BooleanSupplier databaseUp, PrometheusMeterRegistry registry) {
        this.databaseUp = databaseUp;
        this.registry = registry;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            boolean up = databaseUp.getAsBoolean();
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN", "database", up ? "UP" : "DOWN"));
        }, Role.MACHINE);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()), Role.SCRAPER);
    }
}
