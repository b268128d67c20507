package app.pathary.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that encrypts secrets at rest: derived from {@code APP_SECRET} when given, else read from
 * {@code DATA_DIR/secret.key}, which is generated (32 random bytes, owner-only) on first start.
 */
public final class SecretKey {
    public static final String FILE_NAME = "secret.key";

    private SecretKey() {
    }

    public static byte[] load(Optional<String> appSecret, Path dataDir) {
        if (appSecret.isPresent()) {
            if (appSecret.get().length() < 16) {
                throw new ConfigException("APP_SECRET must have at least 16 characters (use a long random string).");
            }
            return sha256(appSecret.get());
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                restrict(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length != 32) {
                throw new ConfigException(file + " does not hold a 32-byte key; restore it from a backup or set APP_SECRET.");
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("The key file " + file + " cannot be read or created; check DATA_DIR's permissions.");
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the folder's permissions
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
