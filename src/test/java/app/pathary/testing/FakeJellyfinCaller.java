package app.pathary.testing;

/**
 * Who sent a request to {@link FakeJellyfin}: a user's session or an API key (administrator, no user).
 *
 * @param account {@code null} for an API key
 * @param session {@code null} for an API key
 */
record FakeJellyfinCaller(String token, FakeJellyfinState.Account account, FakeJellyfinState.Session session) {

    boolean isApiKey() {
        return account == null;
    }

    boolean isAdmin() {
        return account == null || account.admin;
    }

    /** The caller, or 401 if there is none (no token, unknown, revoked, or a disabled user's token). */
    static FakeJellyfinCaller require(FakeJellyfinExchange exchange) {
        if (exchange.caller == null) {
            throw new FakeHttpError(401, "");
        }
        return exchange.caller;
    }

    /**
     * Jellyfin's {@code RequestHelpers.GetUserId}: the {@code userId} parameter, else the caller's user;
     * a non-admin naming another user gets 403. Returns {@code null} for an API key without userId.
     */
    static FakeJellyfinState.Account user(FakeJellyfinExchange exchange, FakeJellyfinState state) {
        FakeJellyfinCaller caller = require(exchange);
        String userId = exchange.guid("userId");
        if (userId == null) {
            return caller.account;
        }
        if (!caller.isAdmin() && !userId.equals(caller.account.id)) {
            throw new FakeHttpError(403, "Forbidden");
        }
        return state.accounts.get(userId);
    }

    /** Like {@link #user} but a user is required: 400 without one (API key), 404 for an unknown id. */
    static FakeJellyfinState.Account requiredUser(FakeJellyfinExchange exchange, FakeJellyfinState state) {
        FakeJellyfinState.Account account = user(exchange, state);
        if (account == null) {
            if (exchange.param("userId") != null) {
                throw FakeHttpError.notFound("User not found");
            }
            throw FakeHttpError.badRequest("Value cannot be null. (Parameter 'user')");
        }
        return account;
    }
}
