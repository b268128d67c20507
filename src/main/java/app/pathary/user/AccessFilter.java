package app.pathary.user;

import app.pathary.common.ForbiddenException;
import app.pathary.common.Tokens;
import app.pathary.web.Caller;
import app.pathary.web.Cookies;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs before every request: finds the user (bearer token or session cookie), sends everyone to the first-run page
 * while there is no user, checks the CSRF token of state-changing requests, and keeps pages and the API closed to
 * anonymous callers.
 */
public final class AccessFilter {
    private final Sessions sessions;
    private final ApiTokens apiTokens;
    private final Accounts accounts;
    private final AtomicBoolean setupDone = new AtomicBoolean();

    public AccessFilter(Sessions sessions, ApiTokens apiTokens, Accounts accounts) {
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.accounts = accounts;
    }

    public void handle(Context ctx) {
        String path = ctx.path();
        if (isOpen(path)) {
            return;
        }
        boolean api = path.startsWith("/api/");
        identify(ctx, api);
        if (!api && !setupDone(ctx)) {
            return;
        }
        if (Caller.of(ctx).isEmpty() && !openToAnonymous(ctx, api)) {
            sendToLogin(ctx, api);
            return;
        }
        checkCsrf(ctx, api);
        if (Caller.of(ctx).isPresent() && adminOnly(path) && !Caller.require(ctx).isAdmin()) {
            throw new ForbiddenException("Only admins may open this page.");
        }
    }

    /** What an anonymous caller may reach beyond the open paths: the login and first-run forms, and the token exchange. */
    private static boolean openToAnonymous(Context ctx, boolean api) {
        String path = ctx.path();
        return api ? path.equals("/api/auth/token") && ctx.method() == HandlerType.POST
                : path.equals("/login") || path.equals("/setup");
    }

    /** Anonymous callers learn they must log in (before any CSRF check, so a form posted after logout leads to login too). */
    private static void sendToLogin(Context ctx, boolean api) {
        if (api) {
            throw new UnauthorizedResponse("Log in first: send Authorization: Bearer <token>.");
        }
        String next = ctx.method() == HandlerType.GET ? "?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8) : "";
        ctx.redirect("/login" + next);
        ctx.skipRemainingHandlers();
    }

    private static Caller caller(User user) {
        return new Caller(user.id(), user.name(), user.isAdmin());
    }

    /** Server-wide pages and APIs: the admin pages, the server settings and the cleanup API. */
    private static boolean adminOnly(String path) {
        return path.startsWith("/admin") || path.startsWith("/settings/server") || path.startsWith("/api/cleanup");
    }

    private static boolean isOpen(String path) {
        return path.equals("/health") || path.equals("/metrics") || path.startsWith("/webjars/")
                || path.startsWith("/static/") || path.equals("/favicon.ico") || path.startsWith("/api/webhook/");
    }

    private void identify(Context ctx, boolean api) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var user = apiTokens.authenticate(authorization.substring(7).strip())
                    .orElseThrow(() -> new UnauthorizedResponse("The API token is not valid (revoked or mistyped)."));
            Caller.set(ctx, caller(user), null, true);
            return;
        }
        var session = sessions.find(ctx.cookie(Cookies.SESSION));
        if (session.isPresent()) {
            Caller.set(ctx, caller(session.get().user()), session.get().csrfToken(), false);
            return;
        }
        if (!api) {
            String anonymous = ctx.cookie(Cookies.CSRF);
            if (anonymous == null || anonymous.length() < 20) {
                anonymous = Tokens.random();
                Cookies.set(ctx, Cookies.CSRF, anonymous, 3600);
            }
            Caller.set(ctx, null, anonymous, false);
        }
    }

    /** While no user exists, every page leads to /setup; afterwards /setup leads away. */
    private boolean setupDone(Context ctx) {
        if (!setupDone.get() && accounts.anyUserExists()) {
            setupDone.set(true);
        }
        boolean onSetup = ctx.path().equals("/setup");
        if (!setupDone.get() && !onSetup) {
            ctx.redirect("/setup");
            ctx.skipRemainingHandlers();
            return false;
        }
        if (setupDone.get() && onSetup) {
            ctx.redirect("/");
            ctx.skipRemainingHandlers();
            return false;
        }
        return true;
    }

    private static void checkCsrf(Context ctx, boolean api) {
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
            return;
        }
        if (api && (Caller.byToken(ctx) || Caller.of(ctx).isEmpty())) {
            return;
        }
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null && !api && !ctx.isMultipartFormData()) {
            sent = ctx.formParam("_csrf");
        }
        if (!Tokens.constantTimeEquals(sent, Caller.csrfToken(ctx))) {
            throw new ForbiddenException("The form has expired or came from another site; reload the page and try again.");
        }
    }
}
