package app.pathary.jellyfin.client;

import app.pathary.jellyfin.client.dto.AuthenticationResult;
/**
 * What {@code POST /Users/AuthenticateByName} decided about a user name and password.
 *
 * <p>Transport failures (unreachable, not Jellyfin, 5xx) are not outcomes of a login and are thrown as
 * {@link JellyfinException} instead.
 */
public sealed interface LoginResult {

    /** 200: the credentials were accepted; the result carries the new access token. */
    record Success(AuthenticationResult authentication) implements LoginResult {
    }

    /** 401: unknown user or wrong password ("Invalid username or password entered."). */
    record InvalidCredentials() implements LoginResult {
    }

    /**
     * 403: the credentials are right but Jellyfin refuses the login: the account is disabled (also after
     * a lockout), remote access is not allowed, a parental schedule or a session limit applies.
     */
    record Refused() implements LoginResult {
    }

    /** 400: Jellyfin rejected the request itself, e.g. the Authorization header lacks a client field. */
    record BadRequest() implements LoginResult {
    }
}
