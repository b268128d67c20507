package app.pathary.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code Authorization: MediaBrowser k="v", ...} like Jellyfin's {@code AuthorizationContext}:
 * the scheme is case-insensitive, pairs are split on commas outside double quotes, keys are
 * case-sensitive, values lose their quotes and are URL-decoded ({@code +} becomes a space). The legacy
 * {@code Emby} scheme is refused, as with {@code EnableLegacyAuthorization=false} (Jellyfin 12).
 */
final class FakeMediaBrowserHeader {

    private FakeMediaBrowserHeader() {
    }

    /** The pairs, or an empty map when the header is absent or not of the MediaBrowser scheme. */
    static Map<String, String> parse(String header) {
        Map<String, String> parts = new HashMap<>();
        if (header == null) {
            return parts;
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("mediabrowser")) {
            return parts;
        }
        String rest = trimmed.substring(space + 1);
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= rest.length(); i++) {
            char c = i < rest.length() ? rest.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                addPair(parts, rest.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private static void addPair(Map<String, String> parts, String pair) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
            return;
        }
        String key = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            parts.put(key, URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            parts.put(key, value);
        }
    }
}
