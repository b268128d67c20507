package app.pathary.jellyfin.client;

import java.net.URI;
import java.util.Objects;

/**
 * The Jellyfin server to talk to and the token to present.
 *
 * <p>{@code baseUrl} is an opaque prefix: Jellyfin may run under a base path such as {@code /jellyfin},
 * and every route is appended to it. The token is either a user's access token (from
 * {@code AuthenticateByName}) or an API key made by an administrator; it is {@code null} for anonymous
 * calls. {@link #toString()} never shows the token.
 *
 * @param baseUrl absolute http(s) URL without query or fragment
 * @param token   access token or API key, or {@code null}
 */
public record JellyfinServer(URI baseUrl, String token) {

    public JellyfinServer {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("Jellyfin URL must start with http:// or https://: " + baseUrl);
        }
        if (baseUrl.getHost() == null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("Jellyfin URL needs a host and no query or fragment: " + baseUrl);
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    /** The server without a token, for anonymous calls. */
    public static JellyfinServer anonymous(URI baseUrl) {
        return new JellyfinServer(baseUrl, null);
    }

    public JellyfinServer withToken(String newToken) {
        return new JellyfinServer(baseUrl, newToken);
    }

    public boolean hasToken() {
        return token != null;
    }

    @Override
    public String toString() {
        return "JellyfinServer[" + baseUrl + (token == null ? ", no token]" : ", token=***]");
    }
}
