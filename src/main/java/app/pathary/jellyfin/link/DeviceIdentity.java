package app.pathary.jellyfin.link;

import app.pathary.jellyfin.client.ClientIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * How this installation presents itself to Jellyfin. The device id comes from {@code JELLYFIN_DEVICE_ID}, else it is
 * generated once and kept in the database (the PHP original refused to work without the variable).
 */
public final class DeviceIdentity {
    static final String SETTING = "jellyfin.device_id";

    private DeviceIdentity() {
    }

    /** Reads (or creates and stores) the device id; this talks to the database, so call it from the composition root. */
    public static ClientIdentity resolve(Jdbi jdbi, Optional<String> fromEnvironment, String appName, String version) {
        String deviceId = fromEnvironment.orElseGet(() -> storedOrNew(jdbi));
        return new ClientIdentity(appName, hostName(), deviceId, version);
    }

    public static boolean fromEnvironment(Optional<String> variable) {
        return variable.isPresent();
    }

    private static String storedOrNew(Jdbi jdbi) {
        return jdbi.inTransaction(h -> {
            Optional<String> stored = h.createQuery("SELECT value FROM settings WHERE name = :n")
                    .bind("n", SETTING).mapTo(String.class).findOne();
            if (stored.isPresent()) {
                return stored.get();
            }
            String generated = "pathary-" + UUID.randomUUID().toString().replace("-", "");
            h.createUpdate("INSERT INTO settings (name, value) VALUES (:n, :v) ON CONFLICT (name) DO NOTHING")
                    .bind("n", SETTING).bind("v", generated).execute();
            return h.createQuery("SELECT value FROM settings WHERE name = :n").bind("n", SETTING).mapTo(String.class).one();
        });
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            return file.isEmpty() ? "Pathary server" : file;
        } catch (IOException | RuntimeException e) {
            return "Pathary server";
        }
    }
}
