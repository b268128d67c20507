package app.pathary.seerr;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Pure builders of Seerr's requests: the URL under {@code /api/v1} and the {@code X-Api-Key} header. */
final class SeerrRequests {
    private SeerrRequests() {
    }

    static URI uri(SeerrServer server, String path, Map<String, String> query) {
        String base = server.url().toString().replaceAll("/+$", "");
        if (!base.endsWith("/api/v1")) {
            base += "/api/v1";
        }
        StringBuilder url = new StringBuilder(base).append(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : new TreeMap<>(query).entrySet()) {
            url.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return URI.create(url.toString());
    }

    static HttpRequest build(SeerrServer server, String method, String path, Map<String, String> query, Duration timeout) {
        return HttpRequest.newBuilder(uri(server, path, query)).timeout(timeout)
                .header("X-Api-Key", server.apiKey()).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
}
