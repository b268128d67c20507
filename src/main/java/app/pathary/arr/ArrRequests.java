package app.pathary.arr;

import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Turns an {@link ArrCall} into an HTTP request, without sending it: the URL from {@link ArrUrl}, the key
 * in {@code X-Api-Key} (never {@code ?apikey=}), {@code Accept: application/json} (the *arr answers 406
 * to what it cannot produce) and the request timeout.
 */
final class ArrRequests {

    static final String API_KEY_HEADER = "X-Api-Key";

    private ArrRequests() {
    }

    static HttpRequest build(ArrInstance instance, ArrCall call, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ArrUrl.of(instance.baseUrl(), call.path(), call.query()))
                .timeout(timeout)
                .header(API_KEY_HEADER, instance.apiKey())
                .header("Accept", "application/json");
        if (call.jsonBody() != null) {
            builder.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.jsonBody()));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }
}
