package app.pathary.user;

import app.pathary.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may read {@code /metrics} besides a logged-in admin: Prometheus presenting {@code METRICS_TOKEN} as
 * {@code Authorization: Bearer <token>} (its {@code authorization} setting), or anyone when {@code METRICS_PUBLIC=true}.
 * The token is kept only as a digest and compared in constant time; {@link #toString} never shows it.
 */
public final class MetricsAccess {
    private static final String BEARER = "Bearer ";
    private final byte[] tokenDigest;
    private final boolean isPublic;

    private MetricsAccess(byte[] tokenDigest, boolean isPublic) {
        this.tokenDigest = tokenDigest;
        this.isPublic = isPublic;
    }

    /** From {@code METRICS_TOKEN} (or {@code METRICS_TOKEN_FILE}) and {@code METRICS_PUBLIC}, parsed at startup. */
    public static MetricsAccess from(app.pathary.config.MetricsOptions options) {
        return new MetricsAccess(options.token().map(MetricsAccess::digest).orElse(null), options.isPublic());
    }

    /** Admins only: no token, not public. */
    public static MetricsAccess adminsOnly() {
        return new MetricsAccess(null, false);
    }

    public boolean isPublic() {
        return isPublic;
    }

    /** Whether an {@code Authorization} header value is {@code Bearer <METRICS_TOKEN>}; always false without a token. */
    public boolean acceptsAuthorization(String authorization) {
        if (tokenDigest == null || authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // Digests have one length, so the comparison's time tells nothing about the token, not even its length.
        return MessageDigest.isEqual(tokenDigest, digest(authorization.substring(BEARER.length()).strip()));
    }

    @Override
    public String toString() {
        return "MetricsAccess[token=" + (tokenDigest == null ? "none" : "set") + ", public=" + isPublic + "]";
    }


    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
