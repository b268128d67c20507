package app.pathary.user;

import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Accounts, sessions and API tokens: what the rest of Pathary uses of users, and their pages and API. */
public final class UserFacade {
    private final Accounts accounts;
    private final Sessions sessions;
    private final ApiTokens tokens;

    private UserFacade(Accounts accounts, Sessions sessions, ApiTokens tokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /** Builds the feature's insides on the database. */
    public static UserFacade wire(Jdbi jdbi, Clock clock) {
        return wire(jdbi, jdbi, clock);
    }

    /** Builds the feature's insides; sessions are looked up through {@code reads} (see {@link Sessions}). */
    public static UserFacade wire(Jdbi jdbi, Jdbi reads, Clock clock) {
        return new UserFacade(new Accounts(new UserRepository(jdbi, clock), new LoginFailures(jdbi, clock)), new Sessions(jdbi, reads, clock),
                new ApiTokens(jdbi, clock));
    }

    /** Creating, finding, changing and deleting accounts, and logging in. */
    public Accounts accounts() {
        return accounts;
    }

    /** An admin's or the operator's reset of a forgotten password. */
    public PasswordReset passwordReset() {
        return new PasswordReset(accounts, sessions, tokens);
    }

    public ApiTokens tokens() {
        return tokens;
    }

    /** The access filter every request passes: session or token, CSRF, admin pages. */
    public AccessFilter accessFilter(MetricsAccess metrics) {
        return new AccessFilter(sessions, tokens, accounts, metrics);
    }

    public List<WebRoutes> routes(Pages pages) {
        return List.of(new AccountPages(pages, accounts, sessions, tokens), new AdminUserPages(pages, accounts, passwordReset()), new AuthApi(accounts, tokens));
    }
}
