package app.pathary.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * Pathary's cookies: always HttpOnly and SameSite=Lax, Secure when the request came over https (as the connection
 * says, or a trusted proxy's X-Forwarded-Proto), for the paths under {@code BASE_PATH} only.
 */
public final class Cookies {
    public static final String SESSION = "pathary_session";
    public static final String CSRF = "pathary_csrf";
    static final String FLASH = "pathary_flash";

    private Cookies() {
    }

    public static void set(Context ctx, String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(ctx.contextPath() == null || ctx.contextPath().isEmpty() ? "/" : ctx.contextPath());
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(isHttps(ctx));
        ctx.cookie(cookie);
    }

    public static void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }

    public static boolean isHttps(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }
}
