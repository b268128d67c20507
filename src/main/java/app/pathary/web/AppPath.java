package app.pathary.web;

import io.javalin.http.Context;

/**
 * The path of a request within Pathary, without {@code BASE_PATH}: {@code /history} whether Pathary answers at the root
 * or under {@code /pathary}. Code compares and redirects with these; {@link RequestScope} and the templates add the base.
 */
public final class AppPath {
    private AppPath() {
    }

    public static String of(Context ctx) {
        String path = ctx.path();
        String base = ctx.contextPath();
        if (base != null && !base.isEmpty() && path.startsWith(base)) {
            String rest = path.substring(base.length());
            return rest.isEmpty() ? "/" : rest;
        }
        return path;
    }

    /**
     * The route a request matched as declared ({@code /api/webhook/jellyfin/{webhookId}}), for log lines and metrics: a
     * secret in a path never reaches a log this way. {@code unmatched} when no route matched.
     */
    public static String route(Context ctx) {
        var matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? "unmatched" : matched.path;
    }
}
