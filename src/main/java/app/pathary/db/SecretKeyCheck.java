package app.pathary.db;

import app.pathary.common.SecretBox;
import app.pathary.config.ConfigException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes sure every Pathary instance on one database seals secrets with the same key. The first start stores a value
 * sealed with its key; every later start (of any instance, and every CLI command) must be able to open it, or it stops
 * with one sentence. Without this, a replica given another key (its own generated {@code secret.key}) would start,
 * fail on every stored Jellyfin token and *arr key, and seal new ones that the other replicas cannot open.
 */
public final class SecretKeyCheck {
    static final String SETTING = "secrets.key_check";
    private static final String PLAIN = "pathary secret key check";

    private SecretKeyCheck() {
    }

    /** Stores the check value when there is none yet; throws a {@link ConfigException} when this key cannot open it. */
    public static void verify(Jdbi jdbi, SecretBox secrets) {
        String sealed = jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO settings (name, value) VALUES (:n, :v) ON CONFLICT (name) DO NOTHING")
                    .bind("n", SETTING).bind("v", secrets.encrypt(PLAIN)).execute();
            return h.createQuery("SELECT value FROM settings WHERE name = :n").bind("n", SETTING).mapTo(String.class).one();
        });
        if (!opens(secrets, sealed)) {
            throw new ConfigException("The secret key of this instance (APP_SECRET, or DATA_DIR/secret.key) is not the one that "
                    + "sealed the secrets in this database; every Pathary instance on one database needs the same key (give them "
                    + "all the same APP_SECRET, or restore the old secret.key).");
        }
    }

    private static boolean opens(SecretBox secrets, String sealed) {
        try {
            return Optional.of(secrets.decrypt(sealed)).filter(PLAIN::equals).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
