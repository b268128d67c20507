package app.pathary.web;

import io.javalin.http.Context;

/**
 * The headers every answer carries: a Content-Security-Policy that allows only Pathary's own scripts and styles (no
 * inline script, no inline style attribute, no eval: the templates keep their behaviour in {@code /static/app.js}),
 * no framing by any site (clickjacking of the admin forms), no MIME sniffing, no referrer beyond this origin. Answers
 * of pages and the API may be kept by the browser only to revalidate them ({@code private, no-cache}); an answer that
 * shows a secret (a new API token, a webhook URL) says {@code no-store} through {@link #noStore}. Static files and
 * WebJars keep the caching Javalin gives them.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    /** Runs before every request, matched or not. */
    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        String path = AppPath.of(ctx);
        if (!path.startsWith("/static/") && !path.startsWith("/webjars/")) {
            ctx.header("Cache-Control", "private, no-cache");
        }
    }

    /** For an answer that shows a secret: no browser or proxy may keep a copy (not even in the back/forward cache). */
    public static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }
}
