package app.pathary.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request received by {@link FakeRadarr} or {@link FakeSonarr}, as it arrived.
 *
 * @param path    the raw path, URL base included
 * @param query   the raw query string, or {@code null}
 * @param headers header names in lower case
 * @param body    the request body as text, empty when none
 */
public record FakeArrRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
