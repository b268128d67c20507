package app.pathary.jellyfin.client;

import java.util.Objects;

/**
 * Who is calling Jellyfin: the four values Jellyfin stores with every access token (its "device" row).
 *
 * <p>Jellyfin binds a user's token to the pair (user, {@code deviceId}) and revokes that user's earlier
 * tokens when they log in again from the same device id, so each Pathary installation needs a stable,
 * unique {@code deviceId} that it never shares with another instance.
 *
 * @param client   application name, e.g. {@code Pathary}
 * @param device   human-readable device name shown in Jellyfin's dashboard
 * @param deviceId stable unique id of this installation
 * @param version  application version
 */
public record ClientIdentity(String client, String device, String deviceId, String version) {

    public ClientIdentity {
        requireText(client, "client");
        requireText(device, "device");
        requireText(deviceId, "deviceId");
        requireText(version, "version");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
