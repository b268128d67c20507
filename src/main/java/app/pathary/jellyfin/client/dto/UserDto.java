package app.pathary.jellyfin.client.dto;

import java.time.Instant;

/**
 * A Jellyfin user ({@code UserDto}), as returned by {@code GET /Users}, {@code GET /Users/Me} and login.
 *
 * @param id     32 hex characters
 * @param policy {@code null} only if the server left it out
 */
public record UserDto(
        String id,
        String name,
        String serverId,
        boolean hasPassword,
        Instant lastLoginDate,
        Instant lastActivityDate,
        UserPolicy policy) {

    public boolean isAdministrator() {
        return policy != null && policy.isAdministrator();
    }

    public boolean isDisabled() {
        return policy != null && policy.isDisabled();
    }
}
