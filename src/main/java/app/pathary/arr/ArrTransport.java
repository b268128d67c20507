package app.pathary.arr;

import app.pathary.common.AnswerDeadline;
import app.pathary.common.JsonBody;
import app.pathary.common.RemoteFailures;
import app.pathary.common.RetryPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Radarr and Sonarr are called: sends an {@link ArrCall} with the instance's key in
 * {@code X-Api-Key} and turns the answer into an {@link ArrAnswer} or a typed {@link ArrException}.
 *
 * <p>Any 2xx is success (the *arr answers PUT with 202 and DELETE with 200 and an empty body). A 2xx that
 * is HTML, or JSON cut off or malformed, is {@link ArrException.NotArr}; nothing from Jackson escapes. Log lines
 * hold the instance name, method, route, status and duration only; never the key or a query string. The
 * constructor does no I/O.
 *
 * <p>A GET that fails for a passing reason (a 5xx, 503 while starting, a dropped connection, a timeout) is tried
 * again as the {@link RetryPolicy} says. Writes (PUT, POST, DELETE) are sent once: whether one happened after a
 * failure is for the caller to read back.
 */
public final class ArrTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ArrTransport.class);

    private final String product;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy reads;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final RemoteFailures failures;

    /**
     * @param product        {@code Radarr} or {@code Sonarr}, for messages
     * @param http           the HTTP client (its connect timeout applies to connecting)
     * @param requestTimeout the time allowed for a whole answer; a full movie list of a large library can take
     *                       several seconds
     * @param reads          how GETs that failed for a passing reason are tried again
     */
    public ArrTransport(String product, HttpClient http, Duration requestTimeout, RetryPolicy reads) {
        this(product, http, requestTimeout, reads, RemoteFailures.IGNORED);
    }

    /** As above, telling {@code failures} of each request that failed (system {@code radarr} or {@code sonarr}). */
    public ArrTransport(String product, HttpClient http, Duration requestTimeout, RetryPolicy reads, RemoteFailures failures) {
        this.failures = Objects.requireNonNull(failures);
        this.product = Objects.requireNonNull(product);
        this.http = Objects.requireNonNull(http);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.reads = Objects.requireNonNull(reads);
    }

    public String product() {
        return product;
    }

    /**
     * @throws ArrException for every failure
     */
    public ArrAnswer send(ArrInstance instance, ArrCall call) {
        String request = product + " (" + instance.name() + ") " + call.describe();
        if ("GET".equals(call.method())) {
            return reads.call(() -> sendOnce(instance, call, request), ArrTransport::passing, request);
        }
        return sendOnce(instance, call, request);
    }

    /**
     * Whether a read that failed so may succeed when simply sent again: what {@link ArrException#retryable()} says,
     * and any 5xx, since repeating a read changes nothing.
     */
    static boolean passing(RuntimeException failure) {
        return failure instanceof ArrException e
                && (e.retryable() || e instanceof ArrException.UnexpectedStatus status && status.status() >= 500);
    }

    private ArrAnswer sendOnce(ArrInstance instance, ArrCall call, String request) {
        try {
            return attempt(instance, call, request);
        } catch (ArrException e) {
            failures.failed(product.toLowerCase(java.util.Locale.ROOT), reason(e));
            throw e;
        }
    }

    /** A short fixed reason for {@code /metrics}. */
    static String reason(ArrException failure) {
        return switch (failure) {
            case ArrException.Unauthorized u -> "unauthorized";
            case ArrException.NotFound n -> "not_found";
            case ArrException.Conflict c -> "conflict";
            case ArrException.StartingUp s -> "starting_up";
            case ArrException.Unreachable u -> u.reason().name().toLowerCase(java.util.Locale.ROOT);
            case ArrException.NotArr n -> n.problem().name().toLowerCase(java.util.Locale.ROOT);
            case ArrException.UnexpectedStatus s -> RemoteFailures.status(s.status());
        };
    }

    private ArrAnswer attempt(ArrInstance instance, ArrCall call, String request) {
        HttpRequest httpRequest = ArrRequests.build(instance, call, requestTimeout);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = AnswerDeadline.send(http, httpRequest, requestTimeout);
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
        JsonBody body = JsonBody.read(json, response.headers().firstValue("Content-Type").orElse(null), response.body());
        if (body.problem() == JsonBody.Problem.HTML_PAGE) {
            throw new ArrException.NotArr(product, request, ArrException.NotArr.Problem.HTML_PAGE, "HTML page instead of JSON");
        }
        if (body.problem() == JsonBody.Problem.MALFORMED_JSON) {
            throw new ArrException.NotArr(product, request, ArrException.NotArr.Problem.MALFORMED_JSON,
                    "JSON cut off or malformed");
        }
        return new ArrAnswer(body.json().isMissingNode() ? null : body.json(), product, request);
    }
}
