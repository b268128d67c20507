package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Hand-written HTTP requests to {@link FakeJellyfin}, independent of Pathary's client, for tests of the
 * fake itself. Extra headers replace the default MediaBrowser header when they name it.
 */
final class RawJellyfinRequests {

    static final String IDENTITY = "MediaBrowser Client=\"raw\", Device=\"test\", DeviceId=\"raw-1\", Version=\"1\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI baseUrl;

    RawJellyfinRequests(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, null, withToken(token));
    }

    Answer post(String pathAndQuery, String token, String body) {
        return send("POST", pathAndQuery, body, withToken(token));
    }

    static Map<String, String> withToken(String token) {
        return Map.of("Authorization", token == null ? IDENTITY : IDENTITY + ", Token=\"" + token + "\"");
    }

    Answer send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in over HTTP and returns the access token. */
    String login(String user, String password) {
        Answer answer = post("/Users/AuthenticateByName", null, "{\"Username\":\"" + user + "\",\"Pw\":\"" + password + "\"}");
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer.status());
        }
        return answer.json().get("AccessToken").asText();
    }
}
