package app.pathary.jellyfin.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the {@code Authorization: MediaBrowser ...} header, the only way of presenting credentials that
 * Jellyfin 10.9 through 12 all accept ({@code X-Emby-*} headers and {@code api_key} are off by default in 12).
 *
 * <p>Jellyfin splits the text after the scheme on commas outside quotes, trims the quotes and then
 * URL-decodes each value ({@code +} becomes a space). So every value is quoted and percent-encoded,
 * spaces as {@code %20}, exactly like the official TypeScript SDK. Keys are case-sensitive.
 */
final class MediaBrowserAuthorization {

    static final String HEADER = "Authorization";

    private MediaBrowserAuthorization() {
    }

    /** The header value; {@code token} may be {@code null}, then no {@code Token} key is sent. */
    static String headerValue(ClientIdentity identity, String token) {
        StringBuilder header = new StringBuilder("MediaBrowser ")
                .append(pair("Client", identity.client())).append(", ")
                .append(pair("Device", identity.device())).append(", ")
                .append(pair("DeviceId", identity.deviceId())).append(", ")
                .append(pair("Version", identity.version()));
        if (token != null) {
            header.append(", ").append(pair("Token", token));
        }
        return header.toString();
    }

    private static String pair(String key, String value) {
        return key + "=\"" + encode(value) + "\"";
    }

    /** Percent-encodes like JavaScript's encodeURIComponent, with spaces as %20 (never '+'). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%21", "!").replace("%27", "'").replace("%28", "(").replace("%29", ")")
                .replace("%7E", "~");
    }
}
