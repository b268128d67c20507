package app.pathary.arr;

import java.net.URI;
import java.util.Objects;

/**
 * One Radarr or Sonarr to talk to: a name chosen by the user (several instances of each are allowed),
 * the base URL and the API key (Settings, General, Security).
 *
 * <p>{@code baseUrl} is an opaque prefix: when the *arr runs under a URL base such as {@code /radarr},
 * that path is part of it and every route ({@code /api/v3/...}) is appended. {@link #toString()} never
 * shows the key.
 *
 * @param name    the user's name for the instance, e.g. {@code 4k}
 * @param baseUrl absolute http(s) URL without query or fragment
 * @param apiKey  the API key, sent only as the {@code X-Api-Key} header
 */
public record ArrInstance(String name, URI baseUrl, String apiKey) {

    public ArrInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("URL must start with http:// or https://: " + baseUrl);
        }
        if (baseUrl.getHost() == null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("URL needs a host and no query or fragment: " + baseUrl);
        }
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("the API key of " + name + " is blank");
        }
    }

    @Override
    public String toString() {
        return "ArrInstance[name=" + name + ", baseUrl=" + baseUrl + ", apiKey=***]";
    }
}
