package app.pathary.jellyfin.client;

import app.pathary.common.AnswerDeadline;
import app.pathary.common.JsonBody;
import app.pathary.common.JsonStream;
import app.pathary.common.OpenAnswer;
import app.pathary.common.JsonRequests;
import app.pathary.common.RemoteFailures;
import app.pathary.common.RequestUrl;
import app.pathary.common.RetryPolicy;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link JellyfinCall} and turns the answer into JSON or a typed {@link JellyfinException}.
 *
 * <p>Every request carries {@code Authorization: MediaBrowser ...} with the client identity (Jellyfin
 * needs it even to log in) and the token unless the call is anonymous. Log lines hold the method, route,
 * status and duration only.
 *
 * <p>A 2xx that is an HTML page or JSON cut off or malformed is {@link JellyfinException.NotJellyfin}; nothing
 * from Jackson escapes. A GET that fails for a passing reason ({@link JellyfinException#retryable()}) is tried
 * again as the {@link RetryPolicy} says; writes are sent once.
 */
final class JellyfinTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JellyfinTransport.class);

    private final HttpClient http;
    private final ClientIdentity identity;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final RetryPolicy reads;
    private final RemoteFailures failures;

    JellyfinTransport(HttpClient http, ClientIdentity identity, Duration requestTimeout, ObjectMapper json, RetryPolicy reads,
            RemoteFailures failures) {
        this.failures = failures;
        this.http = http;
        this.identity = identity;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.reads = reads;
    }

    /**
     * @return the parsed body, or {@link MissingNode} when a 2xx answer has no body
     * @throws JellyfinException for every failure
     */
    JsonNode send(JellyfinServer server, JellyfinCall call) {
        JsonNode body = send(server, call, JsonParser::readValueAsTree, true);
        return body == null ? MissingNode.getInstance() : body;
    }

    /**
     * Sends the call and decodes a 2xx body as it streams in, never holding it as text or as a tree; a body that is
     * empty, HTML, cut off, malformed or of another shape is {@link JellyfinException.NotJellyfin}.
     */
    <T> T send(JellyfinServer server, JellyfinCall call, JsonStream.Decoder<T> decoder) {
        return send(server, call, decoder, false);
    }

    private <T> T send(JellyfinServer server, JellyfinCall call, JsonStream.Decoder<T> decoder, boolean emptyAllowed) {
        if ("GET".equals(call.method())) {
            return reads.call(() -> sendOnce(server, call, decoder, emptyAllowed),
                    failure -> failure instanceof JellyfinException e && e.retryable(), "Jellyfin " + call.describe());
        }
        return sendOnce(server, call, decoder, emptyAllowed);
    }

    private <T> T sendOnce(JellyfinServer server, JellyfinCall call, JsonStream.Decoder<T> decoder, boolean emptyAllowed) {
        try {
            return attempt(server, call, decoder, emptyAllowed);
        } catch (JellyfinException e) {
            failures.failed("jellyfin", reason(e));
            throw e;
        }
    }

    /** A short fixed reason for {@code /metrics}. */
    static String reason(JellyfinException failure) {
        return switch (failure) {
            case JellyfinException.Unauthorized u -> "unauthorized";
            case JellyfinException.Forbidden f -> "forbidden";
            case JellyfinException.NotFound n -> "not_found";
            case JellyfinException.Unreachable u -> u.reason().name().toLowerCase(java.util.Locale.ROOT);
            case JellyfinException.NotJellyfin n -> n.problem().name().toLowerCase(java.util.Locale.ROOT);
            case JellyfinException.UnexpectedStatus s -> RemoteFailures.status(s.status());
        };
    }

    private <T> T attempt(JellyfinServer server, JellyfinCall call, JsonStream.Decoder<T> decoder, boolean emptyAllowed) {
        HttpRequest request = request(server, call);
        long started = System.nanoTime();
        try (OpenAnswer answer = AnswerDeadline.open(http, request, requestTimeout)) {
            LOG.debug("{} -> {} in {} ms", call.describe(), answer.statusCode(), (System.nanoTime() - started) / 1_000_000);
            requireSuccess(call, answer.statusCode());
            JsonStream<T> body = answer.read(in -> JsonStream.read(json.getFactory(), answer.contentType(), in, decoder));
            return body(call, body, emptyAllowed);
        } catch (IOException e) {
            LOG.debug("{} failed: {}", call.describe(), e.getClass().getSimpleName());
            throw new JellyfinException.Unreachable(call.describe(), UnreachableReasons.of(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JellyfinException.Unreachable(call.describe(), JellyfinException.Unreachable.Reason.INTERRUPTED, e);
        } catch (JsonStream.WrongShape e) {
            throw new JellyfinException.NotJellyfin(call.describe(), e.getMessage());
        }
    }

    /**
     * Sends a GET whose answer is a picture, not JSON: empty when Jellyfin answers 404 (no such image), else the bytes
     * and their type. An answer that is not an image, or larger than {@code maxBytes}, is
     * {@link JellyfinException.NotJellyfin}; reads are retried like any other GET.
     */
    java.util.Optional<ImageData> image(JellyfinServer server, JellyfinCall call, int maxBytes) {
        return reads.call(() -> {
            try {
                return imageOnce(server, call, maxBytes);
            } catch (JellyfinException e) {
                failures.failed("jellyfin", reason(e));
                throw e;
            }
        }, failure -> failure instanceof JellyfinException e && e.retryable(), "Jellyfin " + call.describe());
    }

    private java.util.Optional<ImageData> imageOnce(JellyfinServer server, JellyfinCall call, int maxBytes) {
        HttpRequest request = request(server, call);
        try (OpenAnswer answer = AnswerDeadline.open(http, request, requestTimeout)) {
            if (answer.statusCode() == 404) {
                return java.util.Optional.empty();
            }
            requireSuccess(call, answer.statusCode());
            String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase(java.util.Locale.ROOT);
            if (!type.startsWith("image/")) {
                throw new JellyfinException.NotJellyfin(call.describe(), "an answer of type " + (type.isEmpty() ? "none" : type)
                        + " instead of an image");
            }
            byte[] bytes = answer.read(in -> in.readNBytes(maxBytes + 1));
            if (bytes.length == 0 || bytes.length > maxBytes) {
                throw new JellyfinException.NotJellyfin(call.describe(), bytes.length == 0 ? "an empty image" : "an image over "
                        + maxBytes + " bytes");
            }
            String expected = answer.headers().firstValue("Content-Length").orElse(null);
            if (expected != null && expected.matches("\\d{1,12}") && Long.parseLong(expected) != bytes.length) {
                throw new JellyfinException.NotJellyfin(call.describe(), "an image cut off");
            }
            return java.util.Optional.of(new ImageData(bytes, type.split(";")[0].strip()));
        } catch (IOException e) {
            throw new JellyfinException.Unreachable(call.describe(), UnreachableReasons.of(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JellyfinException.Unreachable(call.describe(), JellyfinException.Unreachable.Reason.INTERRUPTED, e);
        }
    }

    private HttpRequest request(JellyfinServer server, JellyfinCall call) {
        URI uri = RequestUrl.of(server.baseUrl(), call.path(), call.query());
        String token = call.anonymous() ? null : server.token();
        return JsonRequests.builder(uri, call.method(), call.jsonBody(), requestTimeout)
                .header(MediaBrowserAuthorization.HEADER, MediaBrowserAuthorization.headerValue(identity, token))
                .build();
    }

    private static void requireSuccess(JellyfinCall call, int status) {
        String request = call.describe();
        switch (status) {
            case 401 -> throw new JellyfinException.Unauthorized(request);
            case 403 -> throw new JellyfinException.Forbidden(request);
            case 404 -> throw new JellyfinException.NotFound(request);
            default -> {
                if (status < 200 || status > 299) {
                    throw new JellyfinException.UnexpectedStatus(request, status);
                }
            }
        }
    }

    private static <T> T body(JellyfinCall call, JsonStream<T> body, boolean emptyAllowed) {
        String request = call.describe();
        if (body.problem() == JsonBody.Problem.HTML_PAGE) {
            throw new JellyfinException.NotJellyfin(request, JellyfinException.NotJellyfin.Problem.HTML_PAGE,
                    "HTML page instead of JSON");
        }
        if (body.problem() == JsonBody.Problem.MALFORMED_JSON) {
            throw new JellyfinException.NotJellyfin(request, JellyfinException.NotJellyfin.Problem.MALFORMED_JSON,
                    "JSON cut off or malformed");
        }
        if (body.empty() && !emptyAllowed) {
            throw new JellyfinException.NotJellyfin(request, JellyfinException.NotJellyfin.Problem.EMPTY, "no body");
        }
        return body.value();
    }
}
