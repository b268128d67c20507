package app.pathary.arr;

import app.pathary.common.AnswerDeadline;
import app.pathary.common.JsonBody;
import app.pathary.common.RemoteFailures;
import app.pathary.common.JsonStream;
import app.pathary.common.OpenAnswer;
import app.pathary.common.RetryPolicy;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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

    /**
     * A GET of a JSON array of objects, decoded as it streams in: each element is read as a small tree, turned into
     * {@code T} and forgotten, so a list of tens of thousands is never held as text or as one tree. The same answers
     * fail as with {@link #send}: no body, HTML, JSON cut off or malformed, not an array of objects.
     */
    public <T> List<T> list(ArrInstance instance, ArrCall call, Function<ArrObject, T> each) {
        String request = product + " (" + instance.name() + ") " + call.describe();
        JsonStream.Decoder<List<T>> decoder = parser -> {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new ArrException.NotArr(product, request, "expected a JSON array");
            }
            List<T> values = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode element = parser.readValueAsTree();
                if (!element.isObject()) {
                    throw new ArrException.NotArr(product, request, "expected an array of objects");
                }
                values.add(each.apply(new ArrObject(element, product, request)));
            }
            return java.util.Collections.unmodifiableList(values);
        };
        List<T> values = reads.call(() -> sendOnce(instance, call, request, decoder), ArrTransport::passing, request);
        if (values == null) {
            throw new ArrException.NotArr(product, request, ArrException.NotArr.Problem.EMPTY, "no body");
        }
        return values;
    }

    private ArrAnswer sendOnce(ArrInstance instance, ArrCall call, String request) {
        return new ArrAnswer(sendOnce(instance, call, request, JsonParser::readValueAsTree), product, request);
    }

    /** @return the decoded body, or {@code null} when a 2xx answer has no body */
    private <T> T sendOnce(ArrInstance instance, ArrCall call, String request, JsonStream.Decoder<T> decoder) {
        try {
            return attempt(instance, call, request, decoder);
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

    private <T> T attempt(ArrInstance instance, ArrCall call, String request, JsonStream.Decoder<T> decoder) {
        HttpRequest httpRequest = ArrRequests.build(instance, call, requestTimeout);
        long started = System.nanoTime();
        try (OpenAnswer answer = AnswerDeadline.open(http, httpRequest, requestTimeout)) {
            int status = answer.statusCode();
            LOG.debug("{} -> {} in {} ms", request, status, (System.nanoTime() - started) / 1_000_000);
            if (status < 200 || status > 299) {
                throw ArrFailures.of(product, request, status, answer.text(), json);
            }
            JsonStream<T> body = answer.read(in -> JsonStream.read(json.getFactory(), answer.contentType(), in, decoder));
            if (body.problem() == JsonBody.Problem.HTML_PAGE) {
                throw new ArrException.NotArr(product, request, ArrException.NotArr.Problem.HTML_PAGE, "HTML page instead of JSON");
            }
            if (body.problem() == JsonBody.Problem.MALFORMED_JSON) {
                throw new ArrException.NotArr(product, request, ArrException.NotArr.Problem.MALFORMED_JSON,
                        "JSON cut off or malformed");
            }
            return body.value();
        } catch (IOException e) {
            ArrException.Unreachable.Reason reason = UnreachableReasons.of(e);
            LOG.debug("{} failed: {}", request, reason.sentence());
            throw new ArrException.Unreachable(product, request, reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArrException.Unreachable(product, request, ArrException.Unreachable.Reason.INTERRUPTED, e);
        }
    }

    /** Writes a request body. */
    public String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + product + " request body", e);
        }
    }
}
