package app.pathary.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** Hashes and checks passwords with bcrypt (cost 11, a fresh salt each time). */
final class Passwords {
    private static final int COST = 11;
    /** A real hash of a random password, checked against when the user is unknown, so timing does not tell. */
    private static final String DECOY = hash("decoy-" + System.nanoTime());

    private Passwords() {
    }

    static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    static boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    static void spendDecoyTime(String password) {
        matches(password, DECOY);
    }
}
