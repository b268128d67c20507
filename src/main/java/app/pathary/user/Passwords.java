package app.pathary.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hashes and checks passwords with bcrypt (cost 11, a fresh salt each time). bcrypt reads at most
 * {@value #MAX_BYTES} bytes, counted in UTF-8: "€" is 3 bytes, "é" 2. Longer passwords are refused where one is set
 * ({@link Accounts}); one presented at a login can never be right, as none was ever stored.
 */
final class Passwords {
    static final int MAX_BYTES = 72;
    private static final int COST = 11;
    /** A real hash of a random password, checked against when the user is unknown, so timing does not tell. */
    private static final String DECOY = hash("decoy-" + System.nanoTime());

    private Passwords() {
    }

    static int utf8Bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The password's bcrypt hash; the caller has checked that it fits in {@value #MAX_BYTES} bytes. */
    static String hash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("a password over " + MAX_BYTES + " bytes reached the hash");
        }
        return new String(BCrypt.withDefaults().hash(COST, bytes), StandardCharsets.UTF_8);
    }

    /**
     * Whether the password is the one hashed. A password over {@value #MAX_BYTES} bytes is not (bcrypt would refuse it),
     * but costs the same time to turn down, so its length does not tell either.
     */
    static boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        boolean tooLong = bytes.length > MAX_BYTES;
        byte[] checked = tooLong ? Arrays.copyOf(bytes, MAX_BYTES) : bytes;
        boolean verified = BCrypt.verifyer().verify(checked, hash.getBytes(StandardCharsets.UTF_8)).verified;
        return verified && !tooLong;
    }

    /** Spends the time of a password check against a hash nobody's password matches; always false. */
    static boolean spendDecoyTime(String password) {
        matches(password, DECOY);
        return false;
    }
}
