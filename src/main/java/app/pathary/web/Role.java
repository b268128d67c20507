package app.pathary.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Who may call a route; every route declares exactly one ({@code routes.get(path, handler, Role.USER)}), the access
 * filter enforces it, and the server refuses to start when a route declares none.
 */
public enum Role implements RouteRole {
    /** Anyone, with the browser's session and CSRF checks: the login and first-run forms, the token exchange. */
    ANONYMOUS,
    /** A logged-in user (session cookie or API token). */
    USER,
    /** A logged-in admin: server-wide pages, settings and the cleanup API. */
    ADMIN,
    /**
     * Machines, left alone by the access filter (no session, no CSRF, no first-run redirect): health probes, and the
     * Jellyfin webhook, whose secret URL is checked by its handler.
     */
    MACHINE,
    /** Prometheus: an admin, or the bearer {@code METRICS_TOKEN}, or anyone when {@code METRICS_PUBLIC=true}. */
    SCRAPER;

    /** The role of the route a request matched; empty for static files and for HEAD requests Javalin answers itself. */
    public static Optional<Role> of(Context ctx) {
        for (var role : ctx.routeRoles()) {
            if (role instanceof Role ours) {
                return Optional.of(ours);
            }
        }
        return Optional.empty();
    }
}
