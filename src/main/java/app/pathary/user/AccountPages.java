package app.pathary.user;

import app.pathary.common.Plural;
import app.pathary.common.InvalidInputException;
import app.pathary.common.LoginRejectedException;
import app.pathary.web.Caller;
import app.pathary.web.ClientAddress;
import app.pathary.web.Cookies;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.SafeRedirect;
import app.pathary.web.SecurityHeaders;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** First-run setup, login, logout and the account page (password, API tokens). */
final class AccountPages implements WebRoutes {
    private final Pages pages;
    private final Accounts accounts;
    private final Sessions sessions;
    private final ApiTokens tokens;

    public AccountPages(Pages pages, Accounts accounts, Sessions sessions, ApiTokens tokens) {
        this.pages = pages;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/setup", ctx -> pages.render(ctx, "user/setup.jte", "Welcome to Pathary", Map.of("error", "")), Role.ANONYMOUS);
        routes.post("/setup", this::setup, Role.ANONYMOUS);
        routes.get("/login", ctx -> renderLogin(ctx, "", 200), Role.ANONYMOUS);
        routes.post("/login", this::login, Role.ANONYMOUS);
        routes.post("/logout", ctx -> {
            sessions.end(ctx.cookie(Cookies.SESSION));
            Cookies.clear(ctx, Cookies.SESSION);
            Flash.success(ctx, "You are logged out. See you soon.");
            ctx.redirect("/login");
        }, Role.USER);
        routes.get("/account", this::account, Role.USER);
        routes.post("/account/password", this::changePassword, Role.USER);
        routes.post("/account/tokens", this::createToken, Role.USER);
        // The page a new token is shown on has this address; reloading it (or coming back to it) shows the account.
        routes.get("/account/tokens", ctx -> ctx.redirect("/account"), Role.USER);
        routes.post("/account/tokens/{id}/revoke", ctx -> {
            tokens.revoke(Caller.require(ctx).id(), PathIds.of(ctx, "id"));
            Flash.success(ctx, "The token was revoked.");
            ctx.redirect("/account");
        }, Role.USER);
    }

    private void setup(Context ctx) {
        try {
            User admin = accounts.create(ctx.formParam("email"), ctx.formParam("password"), ctx.formParam("name"), true);
            startSession(ctx, admin);
            Flash.success(ctx, "Welcome, " + admin.name() + ". Add your first watch to start your history.");
            ctx.redirect("/");
        } catch (InvalidInputException e) {
            ctx.status(400);
            pages.render(ctx, "user/setup.jte", "Welcome to Pathary", Map.of("error", e.getMessage()));
        }
    }

    private void login(Context ctx) {
        try {
            User user = accounts.logIn(ctx.formParam("login"), ctx.formParam("password"), ClientAddress.of(ctx));
            startSession(ctx, user);
            ctx.redirect(SafeRedirect.target(ctx.formParam("next")));
        } catch (InvalidInputException e) {
            renderLogin(ctx, e.getMessage(), 400);
        } catch (LoginRejectedException e) {
            renderLogin(ctx, e.getMessage(), 401);
        }
    }

    private void renderLogin(Context ctx, String error, int status) {
        if (Caller.of(ctx).isPresent() && status == 200) {
            ctx.redirect(SafeRedirect.target(ctx.queryParam("next")));
            return;
        }
        String next = ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next");
        ctx.status(status);
        pages.render(ctx, "user/login.jte", "Log in", Map.of("error", error, "next", next == null ? "" : next));
    }

    private void startSession(Context ctx, User user) {
        sessions.end(ctx.cookie(Cookies.SESSION));
        Cookies.set(ctx, Cookies.SESSION, sessions.start(user.id()), (int) Sessions.LIFETIME.toSeconds());
    }

    private void account(Context ctx) {
        Caller caller = Caller.require(ctx);
        pages.render(ctx, "user/account.jte", "Account", Map.of(
                "user", accounts.get(caller.id()), "tokens", tokens.list(caller.id()), "newToken", ""));
    }

    private void changePassword(Context ctx) {
        Caller caller = Caller.require(ctx);
        String next = ctx.formParam("newPassword");
        if (next == null || !next.equals(ctx.formParam("repeatPassword"))) {
            Flash.error(ctx, "The new passwords differ.");
        } else {
            try {
                accounts.changePassword(caller.id(), ctx.formParam("currentPassword"), next);
                int ended = sessions.endAllOf(caller.id(), ctx.cookie(Cookies.SESSION));
                int revoked = tokens.revokeAllOf(caller.id());
                Flash.success(ctx, "Your password was changed. " + count(ended, "other session was", "other sessions were")
                        + " logged out and " + count(revoked, "API token was", "API tokens were")
                        + " revoked; create new tokens where you still need them.");
            } catch (InvalidInputException e) {
                Flash.error(ctx, e.getMessage());
            }
        }
        ctx.redirect("/account");
    }

    private static String count(int n, String one, String many) {
        return app.pathary.common.Plural.of(n, one, many);
    }

    private void createToken(Context ctx) {
        Caller caller = Caller.require(ctx);
        String token = tokens.create(caller.id(), ctx.formParam("name"));
        SecurityHeaders.noStore(ctx);
        pages.render(ctx, "user/account.jte", "Account", Map.of(
                "user", accounts.get(caller.id()), "tokens", tokens.list(caller.id()), "newToken", token));
    }
}
