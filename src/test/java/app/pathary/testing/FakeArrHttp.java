package app.pathary.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of a fake *arr: a JDK HTTP server on 127.0.0.1 and a random port. In order, like the real
 * middleware: log the request, added latency, queued faults, URL base (404 outside it), starting up (503),
 * API key ({@code X-Api-Key}, {@code ?apikey=} or {@code Authorization: Bearer}; else 401 with an empty
 * body), {@code Accept} (406 when JSON is not acceptable), then the route with the state locked.
 */
final class FakeArrHttp implements AutoCloseable {

    private final FakeArrSettings settings;
    private final FakeArrRoutes routes;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    final List<FakeArrRequest> log = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<FakeArrFault> faults = new ConcurrentLinkedQueue<>();
    /** The method whose next request gets no answer until the fake is closed (null: none). */
    final java.util.concurrent.atomic.AtomicReference<String> holdNext = new java.util.concurrent.atomic.AtomicReference<>();
    volatile Duration latency = Duration.ZERO;

    FakeArrHttp(FakeArrSettings settings, FakeArrRoutes routes) throws IOException {
        this.settings = settings;
        this.routes = routes;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + settings.urlBase);
    }

    private void handle(HttpExchange http) throws IOException {
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        log.add(record(http, body));
        try {
            pause(latency);
            String method = http.getRequestMethod();
            String held = holdNext.get();
            if (method.equals(held) && holdNext.compareAndSet(held, null)) {
                injure(http, FakeArrFault.HANG);
                return;
            }
            FakeArrFault fault = faults.poll();
            if (fault != null) {
                injure(http, fault);
                return;
            }
            String path = http.getRequestURI().getPath();
            String base = settings.urlBase.toLowerCase(Locale.ROOT);
            if (!path.toLowerCase(Locale.ROOT).startsWith(base + "/")) {
                throw FakeArrError.empty(404);
            }
            if (settings.startingUp) {
                throw FakeArrError.startingUp(settings.product);
            }
            if (!authorised(http)) {
                throw FakeArrError.empty(401);
            }
            if (!acceptsJson(http.getRequestHeaders().getFirst("Accept"))) {
                throw FakeArrError.empty(406);
            }
            synchronized (settings) {
                FakeArrRoutes.Match match = routes.find(http.getRequestMethod(), path.substring(base.length()));
                match.route().handler().handle(new FakeArrExchange(http, body, match.pathValues()));
            }
        } catch (FakeArrError e) {
            e.send(new FakeArrExchange(http, "", List.of()));
        } catch (RuntimeException e) {
            FakeArrError.message(500, String.valueOf(e.getMessage()), e.getClass().getName())
                    .send(new FakeArrExchange(http, "", List.of()));
        } finally {
            http.close();
        }
    }

    /** The *arr's order: query {@code apikey}, then {@code X-Api-Key}, then {@code Authorization: Bearer}. */
    private boolean authorised(HttpExchange http) {
        List<String> query = FakeArrExchange.parseQuery(http.getRequestURI().getRawQuery()).get("apikey");
        String key = query != null ? query.getFirst() : http.getRequestHeaders().getFirst("X-Api-Key");
        String authorization = http.getRequestHeaders().getFirst("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        }
        return settings.apiKey.equals(key);
    }

    /** ASP.NET with ReturnHttpNotAcceptable: no Accept header is fine, otherwise JSON must be acceptable. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (List.of("*/*", "application/*", "application/json", "text/json", "text/plain", "text/*").contains(type)) {
                return true;
            }
        }
        return false;
    }

    private void injure(HttpExchange http, FakeArrFault fault) throws IOException {
        FakeArrExchange exchange = new FakeArrExchange(http, "", List.of());
        switch (fault) {
            case SERVER_ERROR -> FakeArrError.message(500, "Object reference not set to an instance of an object.",
                    "System.NullReferenceException").send(exchange);
            case HTML_PAGE -> exchange.send(200, "text/html; charset=utf-8",
                    "<!doctype html><html><body>Please sign in</body></html>".getBytes(StandardCharsets.UTF_8));
            case STARTING_UP -> FakeArrError.startingUp(settings.product).send(exchange);
            case HANG -> awaitClose();
            case STALL -> {
                FakeHttpFaults.sendHalf(http, "[{\"id\":1,\"title\":\"The Matrix\"}]");
                awaitClose();
            }
            case DROP_CONNECTION -> {
                // closing before any response header makes the JDK server close the socket
            }
            case BAD_GATEWAY -> exchange.send(502, "text/html", FakeHttpFaults.BAD_GATEWAY_PAGE);
            case TRUNCATED_JSON -> exchange.send(200, "application/json; charset=utf-8",
                    "[{\"id\":1,\"title\":\"The Mat".getBytes(StandardCharsets.UTF_8));
            case WRONG_SHAPE -> exchange.send(200, "application/json; charset=utf-8",
                    "{\"page\":1,\"pageSize\":10,\"totalRecords\":0,\"records\":[]}".getBytes(StandardCharsets.UTF_8));
            case CUT_OFF -> FakeHttpFaults.cutOff(http, "[{\"id\":1,\"title\":\"The Matrix\"}]");
            case EMPTY_BODY -> http.sendResponseHeaders(200, -1);
        }
    }

    private void awaitClose() {
        try {
            closed.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) {
        if (!duration.isZero()) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static FakeArrRequest record(HttpExchange http, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(new ArrayList<>(values))));
        return new FakeArrRequest(http.getRequestMethod(), http.getRequestURI().getRawPath(),
                http.getRequestURI().getRawQuery(), Map.copyOf(headers), body);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
