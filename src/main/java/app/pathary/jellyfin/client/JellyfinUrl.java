package app.pathary.jellyfin.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Builds request URLs under a server's base URL.
 *
 * <p>The base URL is an opaque prefix: its path (e.g. {@code /jellyfin}) is kept and a trailing slash on
 * it is ignored. Path segments given separately (ids) and query values are percent-encoded per RFC 3986;
 * Jellyfin decodes them before binding, and reads comma-separated lists from a single value.
 */
final class JellyfinUrl {

    private JellyfinUrl() {
    }

    /**
     * @param baseUrl    the server's base URL
     * @param path       a route such as {@code /Items} (fixed text, not encoded)
     * @param parameters query parameters in order; entries are sent as given
     */
    static URI of(URI baseUrl, String path, List<Map.Entry<String, String>> parameters) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        StringBuilder url = new StringBuilder(base);
        if (!path.startsWith("/")) {
            url.append('/');
        }
        url.append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    /** Encodes one path segment or query component: everything but RFC 3986 unreserved characters. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
