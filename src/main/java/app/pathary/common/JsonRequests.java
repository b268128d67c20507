package app.pathary.common;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The part of a request to a remote system that every transport builds the same way: the URL, the method, the
 * request timeout, {@code Accept: application/json}, and a JSON body with its {@code Content-Type} when there is one.
 * Each transport adds its own credentials header. Pure: nothing is sent.
 */
public final class JsonRequests {

    private JsonRequests() {
    }

    /** @param jsonBody the body, or {@code null} for none */
    public static HttpRequest.Builder builder(URI url, String method, String jsonBody, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json");
        if (jsonBody != null) {
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
}
