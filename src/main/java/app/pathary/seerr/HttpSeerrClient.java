package app.pathary.seerr;

import app.pathary.common.RemoteFailures;
import app.pathary.common.RetryPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seerr over HTTP. GETs that fail for a passing reason are retried as the {@link RetryPolicy} says; a DELETE is sent
 * once. A 2xx that is not JSON, or JSON without the fields Pathary reads, is {@link SeerrException.Problem#NOT_SEERR}:
 * a read never turns into "nothing requested". Log lines carry method, path and status, never the key. No I/O in the
 * constructor.
 */
public final class HttpSeerrClient implements SeerrClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSeerrClient.class);
    static final int PAGE = 100;
    private final HttpClient http;
    private final Duration timeout;
    private final RetryPolicy reads;
    private final RemoteFailures failures;
    private final ObjectMapper json = new ObjectMapper();

    public HttpSeerrClient(HttpClient http, Duration timeout, RetryPolicy reads, RemoteFailures failures) {
        this.http = http;
        this.timeout = timeout;
        this.reads = reads;
        this.failures = failures;
    }

    /** Pages through the requests of each media type (the type is known from the query, not read from the answer). */
    @Override
    public List<SeerrRequest> requestsSince(SeerrServer server, Instant since) {
        List<SeerrRequest> found = new ArrayList<>();
        for (String type : List.of("movie", "tv")) {
            for (int skip = 0; ; skip += PAGE) {
                Map<String, String> query = Map.of("take", String.valueOf(PAGE), "skip", String.valueOf(skip), "filter", "all",
                        "sort", "added", "sortDirection", "desc", "mediaType", type);
                JsonNode page = get(server, "/request", query).orElseThrow(() -> notSeerr("/request", "answered 404"));
                JsonNode results = page.path("results");
                if (!results.isArray()) {
                    throw notSeerr("/request", "the answer has no results list");
                }
                boolean older = false;
                for (JsonNode node : results) {
                    SeerrRequest request = request(node, type, null, "/request");
                    if (request.createdAt().isBefore(since)) {
                        older = true;
                    } else {
                        found.add(request);
                    }
                }
                if (older || results.size() < PAGE) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public Optional<SeerrMedia> media(SeerrServer server, String mediaType, int tmdbId) {
        String path = ("tv".equals(mediaType) ? "/tv/" : "/movie/") + tmdbId;
        Optional<JsonNode> details = get(server, path, Map.of());
        if (details.isEmpty()) {
            return Optional.empty();
        }
        JsonNode info = details.get().path("mediaInfo");
        if (info.isMissingNode() || info.isNull()) {
            return Optional.empty();
        }
        if (!info.path("id").canConvertToInt()) {
            throw notSeerr(path, "mediaInfo has no id");
        }
        List<SeerrRequest> requests = new ArrayList<>();
        for (JsonNode node : info.path("requests")) {
            requests.add(request(node, mediaType, tmdbId, path));
        }
        return Optional.of(new SeerrMedia(info.path("id").asInt(), tmdbId, info.path("status").asInt(0), requests));
    }

    @Override
    public void deleteMedia(SeerrServer server, int mediaId) {
        send(server, "DELETE", "/media/" + mediaId, Map.of());
    }

    /** A request; its media's TMDb id is {@code knownTmdbId} when the title was asked for, else read from {@code media}. */
    private SeerrRequest request(JsonNode node, String type, Integer knownTmdbId, String path) {
        JsonNode media = node.path("media");
        Integer tmdbId = knownTmdbId != null ? knownTmdbId : media.path("tmdbId").canConvertToInt() ? Integer.valueOf(media.path("tmdbId").asInt()) : null;
        if (!node.path("id").canConvertToInt() || tmdbId == null) {
            throw notSeerr(path, "a request lacks its id or its media's TMDb id");
        }
        JsonNode user = node.path("requestedBy");
        String by = !user.path("username").asText("").isBlank() ? user.path("username").asText()
                : !user.path("email").asText("").isBlank() ? user.path("email").asText() : "an unknown user";
        Instant at;
        try {
            at = Instant.parse(node.path("createdAt").asText(""));
        } catch (DateTimeParseException e) {
            throw notSeerr(path, "a request's createdAt is not a date");
        }
        return new SeerrRequest(node.path("id").asInt(), type, tmdbId, by, at, node.path("status").asInt(0));
    }

    private Optional<JsonNode> get(SeerrServer server, String path, Map<String, String> query) {
        return reads.call(() -> Optional.ofNullable(send(server, "GET", path, query)), e -> e instanceof SeerrException s && s.passing(),
                "Seerr GET " + path);
    }

    /** The JSON body; null for a 404 on GET or an empty 2xx. */
    private JsonNode send(SeerrServer server, String method, String path, Map<String, String> query) {
        long started = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(SeerrRequests.build(server, method, path, query, timeout), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw fail(new SeerrException(SeerrException.Problem.UNREACHABLE, 0, "Seerr at " + server.url() + " cannot be reached ("
                    + e.getClass().getSimpleName() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(new SeerrException(SeerrException.Problem.UNREACHABLE, 0, "the call to Seerr was interrupted"));
        }
        int status = answer.statusCode();
        LOG.debug("Seerr {} {} -> {} in {} ms", method, path, status, (System.nanoTime() - started) / 1_000_000);
        if (status == 401 || status == 403) {
            throw fail(new SeerrException(SeerrException.Problem.UNAUTHORIZED, status, "Seerr refused the API key (HTTP " + status + ")"));
        }
        if (status == 404 && method.equals("GET")) {
            return null;
        }
        if (status < 200 || status > 299) {
            throw fail(new SeerrException(status == 404 ? SeerrException.Problem.NOT_FOUND : SeerrException.Problem.UNEXPECTED_STATUS, status,
                    "Seerr answered " + method + " " + path + " with HTTP " + status));
        }
        String body = answer.body();
        if (body == null || body.isBlank()) {
            if (method.equals("GET")) {
                throw fail(notSeerr(path, "the answer is empty"));
            }
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw fail(notSeerr(path, "the answer is not a JSON object"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw fail(notSeerr(path, "the answer is not JSON"));
        }
    }

    private SeerrException fail(SeerrException e) {
        failures.failed("seerr", e.problem() == SeerrException.Problem.UNEXPECTED_STATUS ? RemoteFailures.status(e.status())
                : e.problem().name().toLowerCase(Locale.ROOT));
        return e;
    }

    private static SeerrException notSeerr(String path, String why) {
        return new SeerrException(SeerrException.Problem.NOT_SEERR, 200, "Seerr's answer to " + path + " is not usable: " + why);
    }
}
