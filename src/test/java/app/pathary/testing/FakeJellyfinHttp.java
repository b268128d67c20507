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
 * The HTTP side of {@link FakeJellyfin}: a JDK HTTP server on 127.0.0.1 and a random port that logs every
 * request, applies the added latency and queued faults, strips the base path, finds the caller and runs
 * the route with the state locked.
 */
final class FakeJellyfinHttp implements AutoCloseable {

    private final FakeJellyfinState state;
    private final FakeJellyfinRoutes routes;
    private final String basePath;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    final List<FakeRequest> log = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<FakeJellyfin.Fault> faults = new ConcurrentLinkedQueue<>();
    volatile Duration latency = Duration.ZERO;
    /** While set, every {@code POST /Users/AuthenticateByName} waits for it to open (a login that takes its time). */
    volatile CountDownLatch loginGate;
    /** One permit per login that arrived at the gate. */
    final java.util.concurrent.Semaphore loginsHeld = new java.util.concurrent.Semaphore(0);
    /** Faults drawn at random for every request: the share of 500s, the share of dropped connections, and the draw. */
    volatile RandomFaults random;

    record RandomFaults(double serverErrors, double resets, java.util.Random draw, java.util.concurrent.atomic.AtomicLong injected) {
        FakeJellyfin.Fault next() {
            double roll;
            synchronized (draw) {
                roll = draw.nextDouble();
            }
            FakeJellyfin.Fault fault = roll < serverErrors ? FakeJellyfin.Fault.SERVER_ERROR
                    : roll < serverErrors + resets ? FakeJellyfin.Fault.DROP_CONNECTION : null;
            if (fault != null) {
                injected.incrementAndGet();
            }
            return fault;
        }
    }

    FakeJellyfinHttp(FakeJellyfinState state, FakeJellyfinRoutes routes, String basePath) throws IOException {
        this.state = state;
        this.routes = routes;
        this.basePath = basePath;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
    }

    private void handle(HttpExchange http) throws IOException {
        log.add(record(http));
        try {
            pause(latency);
            holdIfLogin(http);
            FakeJellyfin.Fault fault = faults.poll();
            RandomFaults chance = random;
            if (fault == null && chance != null) {
                fault = chance.next();
            }
            if (fault != null) {
                injure(http, fault);
                return;
            }
            String path = http.getRequestURI().getPath();
            if (!path.toLowerCase(Locale.ROOT).startsWith(basePath.toLowerCase(Locale.ROOT))) {
                throw FakeHttpError.notFound("Not Found");
            }
            String route = path.substring(basePath.length()).isEmpty() ? "/" : path.substring(basePath.length());
            synchronized (state) {
                FakeJellyfinRoutes.Match match = routes.find(http.getRequestMethod(), route);
                FakeJellyfinExchange exchange = new FakeJellyfinExchange(http, route, caller(http));
                if (!match.route().anonymous()) {
                    FakeJellyfinCaller.require(exchange);
                }
                match.route().handler().handle(exchange, match.pathValues());
            }
        } catch (FakeHttpError e) {
            byte[] body = e.getMessage().getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            http.sendResponseHeaders(e.status, body.length == 0 ? -1 : body.length);
            http.getResponseBody().write(body);
        } catch (RuntimeException e) {
            http.sendResponseHeaders(500, -1);
        } finally {
            http.close();
        }
    }

    private void holdIfLogin(HttpExchange http) {
        CountDownLatch gate = loginGate;
        if (gate == null || !http.getRequestURI().getPath().toLowerCase(Locale.ROOT).endsWith("/users/authenticatebyname")) {
            return;
        }
        loginsHeld.release();
        try {
            while (!gate.await(50, TimeUnit.MILLISECONDS) && closed.getCount() > 0) {
                // held until the test opens the gate or closes the fake
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Token from {@code Authorization: MediaBrowser Token=...}, else {@code ?ApiKey=}; legacy places are ignored. */
    private FakeJellyfinCaller caller(HttpExchange http) {
        String token = FakeMediaBrowserHeader.parse(http.getRequestHeaders().getFirst("Authorization")).get("Token");
        if (token == null || token.isEmpty()) {
            token = new FakeJellyfinExchange(http, "", null).param("ApiKey");
        }
        if (token == null) {
            return null;
        }
        if (state.apiKeys.contains(token)) {
            return new FakeJellyfinCaller(token, null, null);
        }
        FakeJellyfinState.Session session = state.sessions.get(token);
        FakeJellyfinState.Account account = session == null ? null : state.accounts.get(session.userId());
        if (account == null || account.disabled) {
            return null;
        }
        account.lastActivityDate = state.now();
        return new FakeJellyfinCaller(token, account, session);
    }

    private void injure(HttpExchange http, FakeJellyfin.Fault fault) throws IOException {
        switch (fault) {
            case SERVER_ERROR -> http.sendResponseHeaders(500, -1);
            case HTML_PAGE -> {
                byte[] page = "<!doctype html><html><body>Please sign in</body></html>".getBytes(StandardCharsets.UTF_8);
                http.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                http.sendResponseHeaders(200, page.length);
                http.getResponseBody().write(page);
            }
            case STARTING_UP -> {
                byte[] page = "<html><body>Jellyfin Server is loading...</body></html>".getBytes(StandardCharsets.UTF_8);
                http.getResponseHeaders().set("Content-Type", "text/html");
                http.sendResponseHeaders(503, page.length);
                http.getResponseBody().write(page);
            }
            case HANG -> awaitClose();
            case STALL -> {
                FakeHttpFaults.sendHalf(http, "{\"Items\":[],\"TotalRecordCount\":0,\"StartIndex\":0}");
                awaitClose();
            }
            case DROP_CONNECTION -> {
                // closing before any response header makes the JDK server close the socket
            }
            case BAD_GATEWAY -> FakeHttpFaults.send(http, 502, "text/html", FakeHttpFaults.BAD_GATEWAY_PAGE);
            case TRUNCATED_JSON -> FakeHttpFaults.send(http, 200, "application/json; charset=utf-8",
                    "{\"Items\":[{\"Name\":\"The Mat".getBytes(StandardCharsets.UTF_8));
            case WRONG_SHAPE -> FakeHttpFaults.send(http, 200, "application/json; charset=utf-8",
                    "{\"Items\":{},\"TotalRecordCount\":\"many\"}".getBytes(StandardCharsets.UTF_8));
            case CUT_OFF -> FakeHttpFaults.cutOff(http, "{\"Items\":[],\"TotalRecordCount\":0,\"StartIndex\":0}");
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

    private static FakeRequest record(HttpExchange http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(new ArrayList<>(values))));
        return new FakeRequest(http.getRequestMethod(), http.getRequestURI().getRawPath(),
                http.getRequestURI().getRawQuery(), Map.copyOf(headers));
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
