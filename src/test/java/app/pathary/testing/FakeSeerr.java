package app.pathary.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful Seerr over real HTTP on 127.0.0.1 (base {@code /api/v1}, key in {@code X-Api-Key}, 403 without it, as
 * Seerr's auth middleware answers). Holds media (type, TMDb id, Seerr's own id, status) with their requests (user, date,
 * status). Routes: {@code GET /request} (paged, newest first, filtered by {@code mediaType}), {@code GET /movie/{tmdbId}}
 * and {@code GET /tv/{tmdbId}} (details, with {@code mediaInfo} when Seerr holds the title), {@code DELETE /media/{id}}
 * (204, also for an id it does not hold, as Seerr does). Faults: the next answers can be forced to a status.
 */
public final class FakeSeerr implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String apiKey = "seerr-" + java.util.UUID.randomUUID();
    private final List<Media> media = new ArrayList<>();
    private final ConcurrentLinkedQueue<Integer> faults = new ConcurrentLinkedQueue<>();
    /** Every request: method, path and query. */
    public final List<String> log = new CopyOnWriteArrayList<>();
    private int nextMediaId = 1;
    private int nextRequestId = 1;

    /** A title Seerr holds. */
    public static final class Media {
        final int id;
        final String type;
        final int tmdbId;
        int status = 5;
        final List<Request> requests = new ArrayList<>();

        Media(int id, String type, int tmdbId) {
            this.id = id;
            this.type = type;
            this.tmdbId = tmdbId;
        }

        public int id() {
            return id;
        }
    }

    record Request(int id, String user, Instant at, int status) {
    }

    private FakeSeerr() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeSeerr start() {
        return new FakeSeerr();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String apiKey() {
        return apiKey;
    }

    /** {@code user} requested the title ({@code movie} or {@code tv}) at {@code at}; the media is created when new. */
    public synchronized Media request(String type, int tmdbId, String user, Instant at) {
        Media title = find(type, tmdbId).orElseGet(() -> {
            Media created = new Media(nextMediaId++, type, tmdbId);
            media.add(created);
            return created;
        });
        title.requests.add(new Request(nextRequestId++, user, at, 2));
        return title;
    }

    public synchronized boolean holds(String type, int tmdbId) {
        return find(type, tmdbId).isPresent();
    }

    /** The next {@code count} answers get {@code status} (500: an HTML error page). */
    public void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            faults.add(status);
        }
    }

    private Optional<Media> find(String type, int tmdbId) {
        return media.stream().filter(m -> m.type.equals(type) && m.tmdbId == tmdbId).findFirst();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            Map<String, String> query = query(http.getRequestURI().getRawQuery());
            log.add(http.getRequestMethod() + " " + path + (http.getRequestURI().getRawQuery() == null ? "" : "?" + http.getRequestURI().getRawQuery()));
            Integer fault = faults.poll();
            if (fault != null) {
                send(http, fault, fault >= 500 ? "<html><body>Bad Gateway</body></html>" : "{\"message\":\"failed\"}",
                        fault >= 500 ? "text/html" : "application/json");
                return;
            }
            if (!apiKey.equals(http.getRequestHeaders().getFirst("X-Api-Key"))) {
                send(http, 403, "{\"status\":403,\"error\":\"You do not have permission to access this endpoint\"}", "application/json");
                return;
            }
            if (!path.startsWith("/api/v1/")) {
                send(http, 404, "{\"status\":404,\"message\":\"Not Found\"}", "application/json");
                return;
            }
            String route = path.substring("/api/v1".length());
            String method = http.getRequestMethod();
            synchronized (this) {
                if (method.equals("GET") && route.equals("/request")) {
                    send(http, 200, requests(query), "application/json");
                } else if (method.equals("GET") && route.matches("/(movie|tv)/\\d+")) {
                    String[] parts = route.split("/");
                    send(http, 200, details(parts[1], Integer.parseInt(parts[2])), "application/json");
                } else if (method.equals("DELETE") && route.matches("/media/\\d+")) {
                    int id = Integer.parseInt(route.substring("/media/".length()));
                    media.removeIf(m -> m.id == id);
                    send(http, 204, "", null);
                } else {
                    send(http, 404, "{\"status\":404,\"message\":\"Not Found\"}", "application/json");
                }
            }
        }
    }

    private String requests(Map<String, String> query) {
        int take = Integer.parseInt(query.getOrDefault("take", "10"));
        int skip = Integer.parseInt(query.getOrDefault("skip", "0"));
        String type = query.getOrDefault("mediaType", "all");
        List<Map.Entry<Media, Request>> all = new ArrayList<>();
        for (Media title : media) {
            if (type.equals("all") || type.equals(title.type)) {
                title.requests.forEach(r -> all.add(Map.entry(title, r)));
            }
        }
        Comparator<Map.Entry<Media, Request>> byDate = Comparator.comparing(e -> e.getValue().at());
        all.sort("asc".equals(query.get("sortDirection")) ? byDate : byDate.reversed());
        ObjectNode page = JSON.createObjectNode();
        page.putObject("pageInfo").put("page", skip / Math.max(take, 1) + 1).put("pages", (all.size() + take - 1) / Math.max(take, 1))
                .put("results", all.size());
        ArrayNode results = page.putArray("results");
        all.stream().skip(skip).limit(take).forEach(e -> results.add(request(e.getKey(), e.getValue(), true)));
        return page.toString();
    }

    private ObjectNode request(Media title, Request request, boolean withMedia) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", request.id()).put("status", request.status()).put("createdAt", request.at().toString())
                .put("updatedAt", request.at().toString()).put("is4k", false);
        if (withMedia) {
            node.set("media", mediaInfo(title, false));
        }
        node.putObject("requestedBy").put("id", Math.abs(request.user().hashCode() % 1000) + 1).put("email", request.user() + "@example.org")
                .put("username", request.user()).put("createdAt", "2026-01-01T00:00:00.000Z").put("updatedAt", "2026-01-01T00:00:00.000Z");
        return node;
    }

    private ObjectNode mediaInfo(Media title, boolean withRequests) {
        ObjectNode info = JSON.createObjectNode().put("id", title.id).put("tmdbId", title.tmdbId).put("status", title.status)
                .put("createdAt", "2026-01-01T00:00:00.000Z").put("updatedAt", "2026-01-01T00:00:00.000Z");
        if (withRequests) {
            ArrayNode requests = info.putArray("requests");
            title.requests.forEach(r -> requests.add(request(title, r, false)));
        }
        return info;
    }

    private String details(String type, int tmdbId) {
        ObjectNode details = JSON.createObjectNode().put("id", tmdbId);
        find(type, tmdbId).ifPresent(title -> details.set("mediaInfo", mediaInfo(title, true)));
        return details.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange http, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            http.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        }
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            http.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
