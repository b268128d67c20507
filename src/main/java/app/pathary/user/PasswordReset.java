package app.pathary.user;

import app.pathary.common.Plural;

/**
 * An admin (page) or the operator (CLI) sets a user's password without knowing the old one: the forgotten-password
 * path. The user's sessions all end and their API tokens are revoked, as when they change it themselves.
 */
public final class PasswordReset {
    private final Accounts accounts;
    private final Sessions sessions;
    private final ApiTokens tokens;

    PasswordReset(Accounts accounts, Sessions sessions, ApiTokens tokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /** Sets the password and returns one sentence saying what happened (sessions ended, tokens revoked). */
    public String reset(long userId, String newPassword) {
        User user = accounts.get(userId);
        accounts.setPassword(userId, newPassword);
        int ended = sessions.endAllOf(userId, null);
        int revoked = tokens.revokeAllOf(userId);
        return "The password of " + user.name() + " was reset; " + Plural.of(ended, "session was", "sessions were")
                + " ended and " + Plural.of(revoked, "API token was", "API tokens were") + " revoked.";
    }
}
