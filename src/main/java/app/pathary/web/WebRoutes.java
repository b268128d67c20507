package app.pathary.web;

import io.javalin.config.RoutesConfig;

/** A feature's pages or API: registers its routes on the server. */
@FunctionalInterface
public interface WebRoutes {
    void register(RoutesConfig routes);
}
