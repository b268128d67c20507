package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-written HTTP requests to a fake *arr, independent of Pathary's clients, for tests of the fakes
 * themselves. By default they carry the fake's key in {@code X-Api-Key}.
 */
final class RawArrRequests {

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return FakeArrJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final FakeArr arr;

    RawArrRequests(FakeArr arr) {
        this.arr = arr;
    }

    Map<String, String> withKey() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", arr.apiKey());
        return headers;
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, withKey());
    }

    Answer put(String pathAndQuery, String body) {
        return send("PUT", pathAndQuery, body, withKey());
    }

    Answer delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null, withKey());
    }

    Answer send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(arr.baseUrl() + pathAndQuery))
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
}
