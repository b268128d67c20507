package app.pathary.common;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds the URL of one request to a remote system (Jellyfin, Radarr, Sonarr) from the system's base URL, a route
 * and query parameters. Pure: no I/O, no logging. Each transport keeps its own vocabulary (routes, parameter names,
 * how lists are joined) and hands the result here.
 *
 * <p>The rules, shared by every transport:
 * <ul>
 *   <li>The base URL is an opaque prefix: its path (a reverse proxy's path base such as {@code /jellyfin}, the
 *       *arr's URL base such as {@code /radarr}) is kept, and trailing slashes on it are ignored.</li>
 *   <li>A route ({@code /Items}, {@code /api/v3/movie/7}) is fixed text written by us and is not encoded; a slash
 *       is put before it when it has none. A value we were handed (an item id) goes into a route through
 *       {@link #segment}, so it cannot escape its route.</li>
 *   <li>Query parameters are sent in the order given. Names, values and segments are percent-encoded per RFC 3986:
 *       every byte of their UTF-8 form except the unreserved characters {@code A-Z a-z 0-9 - . _ ~}, so a space is
 *       {@code %20} (never {@code +}) and {@code +}, {@code &}, {@code =}, {@code ,}, {@code /} are encoded too. An
 *       empty value is sent as {@code name=}.</li>
 * </ul>
 * Secrets travel in headers, never in the URL; even so, {@link #describe} gives the route without the query, so a log
 * line never holds a query string.
 */
public final class RequestUrl {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestUrl() {
    }

    /**
     * @param baseUrl    the remote system's base URL, with or without a path base and trailing slashes
     * @param route      a route such as {@code /Items} (fixed text, not encoded)
     * @param parameters query parameters in the order they are sent; none gives a URL without {@code ?}
     */
    public static URI of(URI baseUrl, String route, List<Map.Entry<String, String>> parameters) {
        StringBuilder url = new StringBuilder(withoutTrailingSlashes(baseUrl.toString()));
        if (!route.startsWith("/")) {
            url.append('/');
        }
        url.append(route);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters) {
            url.append(separator);
            appendEncoded(url, parameter.getKey());
            url.append('=');
            appendEncoded(url, parameter.getValue());
            separator = '&';
        }
        return URI.create(url.toString());
    }

    /** One path segment made of a value we were handed (an id): encoded, and never blank. */
    public static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a path segment must not be blank");
        }
        return encode(value);
    }

    /** Encodes one path segment or query component: everything but RFC 3986 unreserved characters, as UTF-8. */
    public static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() + 8);
        appendEncoded(encoded, value);
        return encoded.toString();
    }

    /** What a log line may say about a request: its method and route, never its query string. */
    public static String describe(String method, String route) {
        return method + " " + route;
    }

    private static String withoutTrailingSlashes(String base) {
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        return base.substring(0, end);
    }

    private static void appendEncoded(StringBuilder out, String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }
}
