package app.pathary.arr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Radarr and Sonarr are called: sends an {@link ArrCall} with the instance's key in
 * {@code X-Api-Key} and turns the answer into an {@link ArrAnswer} or a typed {@link ArrException}.
 *
 * <p>Any 2xx is success (the *arr answers PUT with 202 and DELETE with 200 and an empty body). A 2xx that
 * is HTML or not JSON at all is {@link ArrException.NotArr}. Log lines hold the instance name, method,
 * route, status and duration only; never the key or a query string. The constructor does no I/O.
 */
public final class ArrTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ArrTransport.class);

    private final String product;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ObjectMapper json = JsonMapper.builder().build();

    /**
     * @param product        {@code Radarr} or {@code Sonarr}, for messages
     * @param http           the HTTP client (its connect timeout applies to connecting)
     * @param requestTimeout the time allowed for a whole answer; a full movie list of a large library can take
     *                       several seconds
     */
    public ArrTransport(String product, HttpClient http, Duration requestTimeout) {
        this.product = Objects.requireNonNull(product);
        this.http = Objects.requireNonNull(http);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
    }

    public String product() {
        return product;
    }

    /**
     * @throws ArrException for every failure
     */
    public ArrAnswer send(ArrInstance instance, ArrCall call) {
        String request = product + " (" + instance.name() + ") " + call.describe();
        HttpRequest httpRequest = ArrRequests.build(instance, call, requestTimeout);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            ArrException.Unreachable.Reason reason = UnreachableReasons.of(e);
            LOG.debug("{} failed: {}", request, reason.sentence());
            throw new ArrException.Unreachable(product, request, reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArrException.Unreachable(product, request, ArrException.Unreachable.Reason.INTERRUPTED, e);
        }
        LOG.debug("{} -> {} in {} ms", request, response.statusCode(), (System.nanoTime() - started) / 1_000_000);
        return answer(request, response);
    }

    /** Writes a request body. */
    public String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + product + " request body", e);
        }
    }

    private ArrAnswer answer(String request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw ArrFailures.of(product, request, status, response.body(), json);
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            return new ArrAnswer(null, product, request);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.toLowerCase(Locale.ROOT).contains("html")) {
            throw new ArrException.NotArr(product, request, "HTML page instead of JSON");
        }
        try {
            JsonNode body = json.readTree(text);
            return new ArrAnswer(body, product, request);
        } catch (JsonProcessingException e) {
            throw new ArrException.NotArr(product, request, "body is not JSON");
        }
    }
}
