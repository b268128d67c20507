package app.pathary.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;

/** Who made a request, as the access filter found out; handlers read it with {@link #of} or {@link #require}. */
public record Caller(long id, String name, boolean isAdmin) {
    private static final String CALLER = "pathary.caller";
    private static final String CSRF = "pathary.csrf";
    private static final String BY_TOKEN = "pathary.byToken";

    /** Records the caller (null when anonymous), the CSRF token its forms carry, and whether a bearer token was used. */
    public static void set(Context ctx, Caller caller, String csrfToken, boolean byToken) {
        ctx.attribute(CALLER, caller);
        ctx.attribute(CSRF, csrfToken);
        ctx.attribute(BY_TOKEN, byToken);
    }

    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }

    public static Caller require(Context ctx) {
        return of(ctx).orElseThrow(() -> new UnauthorizedResponse("Log in first."));
    }

    public static boolean byToken(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(BY_TOKEN));
    }

    public static String csrfToken(Context ctx) {
        String token = ctx.attribute(CSRF);
        return token == null ? "" : token;
    }
}
