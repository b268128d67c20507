package app.pathary.user;

import app.pathary.common.ForbiddenException;
import app.pathary.common.Tokens;
import app.pathary.web.AppPath;
import app.pathary.web.Caller;
import app.pathary.web.Cookies;
import app.pathary.web.Role;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs once a request has matched a route and enforces the route's {@link Role}. For pages and the API (ANONYMOUS,
 * USER, ADMIN) it finds the user (bearer token or session cookie), sends every page to the first-run page while there is
 * no user, keeps anonymous callers out of USER and ADMIN routes (pages lead to /login, the API answers 401), checks the
 * CSRF token of state-changing requests, and answers 403 to a non-admin on an ADMIN route. MACHINE routes are left to
 * their handlers; SCRAPER ({@code /metrics}) takes an admin, the metrics token, or anyone when configured public.
 */
public final class AccessFilter {
    private final Sessions sessions;
    private final ApiTokens apiTokens;
    private final Accounts accounts;
    private final MetricsAccess metrics;
    private final AtomicBoolean setupDone = new AtomicBoolean();

    public AccessFilter(Sessions sessions, ApiTokens apiTokens, Accounts accounts, MetricsAccess metrics) {
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.accounts = accounts;
        this.metrics = metrics;
    }

    public void handle(Context ctx) {
        Optional<Role> role = Role.of(ctx);
        if (role.isEmpty()) {
            if (ctx.endpoints().matchedHttpEndpoint() != null) {
                // Unreachable while the server refuses such routes at start; closed rather than open if it ever happens.
                throw new IllegalStateException("The route " + ctx.endpoints().matchedHttpEndpoint().path + " declares no role.");
            }
            return; // a static file, or a HEAD that Javalin answers without running the GET handler
        }
        switch (role.get()) {
            case MACHINE -> { }
            case SCRAPER -> admitScraper(ctx);
            case ANONYMOUS, USER, ADMIN -> admit(ctx, role.get());
        }
    }

    private void admit(Context ctx, Role role) {
        boolean api = AppPath.of(ctx).startsWith("/api/");
        identify(ctx, api);
        if (!api && !setupDone(ctx)) {
            return;
        }
        if (Caller.of(ctx).isEmpty() && role != Role.ANONYMOUS) {
            sendToLogin(ctx, api);
            return;
        }
        checkCsrf(ctx, api);
        if (role == Role.ADMIN && !Caller.require(ctx).isAdmin()) {
            throw new ForbiddenException("Only admins may open this page.");
        }
    }

    /** Prometheus with the metrics token, or an admin (session or API token); anyone when the metrics are public. */
    private void admitScraper(Context ctx) {
        if (metrics.isPublic() || metrics.acceptsAuthorization(ctx.header("Authorization"))) {
            return;
        }
        identify(ctx, true);
        Caller caller = Caller.of(ctx).orElseThrow(() ->
                new UnauthorizedResponse("Send Authorization: Bearer <METRICS_TOKEN>, or log in as an admin."));
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins and the metrics token may read the metrics.");
        }
    }

    /** Anonymous callers learn they must log in (before any CSRF check, so a form posted after logout leads to login too). */
    private static void sendToLogin(Context ctx, boolean api) {
        if (api) {
            throw new UnauthorizedResponse("Log in first: send Authorization: Bearer <token>.");
        }
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        String next = ctx.method() == HandlerType.GET ? "?next=" + URLEncoder.encode(AppPath.of(ctx) + query, StandardCharsets.UTF_8) : "";
        ctx.redirect("/login" + next);
        ctx.skipRemainingHandlers();
    }

    private static Caller caller(User user) {
        return new Caller(user.id(), user.name(), user.isAdmin());
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
        boolean onSetup = AppPath.of(ctx).equals("/setup");
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
        if (sent == null && !api && (!ctx.isMultipartFormData() || Caller.of(ctx).isPresent())) {
            // A multipart form (a file upload) is read only for a logged-in caller: anonymous bodies stay unparsed.
            sent = ctx.formParam("_csrf");
        }
        if (!Tokens.constantTimeEquals(sent, Caller.csrfToken(ctx))) {
            throw new ForbiddenException("The form has expired or came from another site; reload the page and try again.");
        }
    }
}
