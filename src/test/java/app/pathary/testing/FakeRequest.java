package app.pathary.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request received by {@link FakeJellyfin}, as it arrived.
 *
 * @param path    the raw path, base path included
 * @param query   the raw query string, or {@code null}
 * @param headers header names in lower case
 */
public record FakeRequest(String method, String path, String query, Map<String, List<String>> headers) {

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
