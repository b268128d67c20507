package app.pathary.arr;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds request URLs under an instance's base URL.
 *
 * <p>The base URL is an opaque prefix: its path (the *arr's URL base, e.g. {@code /radarr}) is kept and
 * trailing slashes on it are ignored. Query names and values are percent-encoded per RFC 3986. The API
 * key never goes here: it travels in a header, since query strings end up in proxy logs.
 */
final class ArrUrl {

    private ArrUrl() {
    }

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

    /** Encodes one query component: everything but RFC 3986 unreserved characters. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
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
