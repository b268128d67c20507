package app.pathary.jellyfin.client.dto;

/**
 * Jellyfin's answer to a successful {@code POST /Users/AuthenticateByName}.
 *
 * <p>The access token is bound to (user, DeviceId of the caller); logging in again with the same DeviceId
 * revokes it, and {@code POST /Sessions/Logout} deletes it. {@link #toString()} never shows it.
 */
public record AuthenticationResult(UserDto user, String accessToken, String serverId) {

    @Override
    public String toString() {
        return "AuthenticationResult[user=" + (user == null ? null : user.name()) + ", accessToken=***, serverId="
                + serverId + "]";
    }
}
