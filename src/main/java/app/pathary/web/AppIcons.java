package app.pathary.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /favicon.ico} at Pathary's root (browsers and bookmark tools ask there without reading the page) and
 * {@code /manifest.webmanifest}, so Pathary can be added to a phone's home screen; the icons are static files under
 * {@code /static}. Machine routes: no session, no first-run redirect.
 */
public final class AppIcons implements WebRoutes {
    @Override
    public void register(RoutesConfig routes) {
        routes.get("/favicon.ico", ctx -> send(ctx, "/static/favicon.ico", "image/x-icon"), Role.MACHINE);
        routes.get("/manifest.webmanifest", ctx -> send(ctx, "/web/manifest.webmanifest", "application/manifest+json"), Role.MACHINE);
    }

    private static void send(Context ctx, String resource, String type) throws IOException {
        try (InputStream in = AppIcons.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            ctx.contentType(type).header("Cache-Control", "public, max-age=86400").result(in.readAllBytes());
        }
    }
}
