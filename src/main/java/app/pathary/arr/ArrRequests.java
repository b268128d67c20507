package app.pathary.arr;

import app.pathary.common.JsonRequests;
import app.pathary.common.RequestUrl;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Turns an {@link ArrCall} into an HTTP request, without sending it: the URL from {@link RequestUrl}, the key
 * in {@code X-Api-Key} (never {@code ?apikey=}), {@code Accept: application/json} (the *arr answers 406
 * to what it cannot produce) and the request timeout.
 */
final class ArrRequests {

    static final String API_KEY_HEADER = "X-Api-Key";

    private ArrRequests() {
    }

    static HttpRequest build(ArrInstance instance, ArrCall call, Duration timeout) {
        return JsonRequests.builder(RequestUrl.of(instance.baseUrl(), call.path(), call.query()), call.method(),
                        call.jsonBody(), timeout)
                .header(API_KEY_HEADER, instance.apiKey())
                .build();
    }
}
