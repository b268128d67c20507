package app.pathary.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A receiver of notifications over real HTTP on 127.0.0.1 (a webhook endpoint, an ntfy server, a Discord webhook):
 * records every request and answers 204 (200 with {@code {}} for Discord-like callers that do not care), or the queued
 * failure statuses first.
 */
public final class FakeReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
    /** Every request received, in order. */
    public final List<Received> received = new CopyOnWriteArrayList<>();

    /** One request: method, path, headers (names lower-cased, first value) and body. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
    }

    private FakeReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeReceiver start() {
        return new FakeReceiver();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next {@code count} requests are answered with {@code status}. */
    public void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            failures.add(status);
        }
    }

    /** Waits (up to 20 s) until {@code count} requests arrived; returns them. */
    public List<Received> await(int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (received.size() < count && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (received.size() < count) {
            throw new AssertionError("expected " + count + " requests, got " + received.size() + ": " + received);
        }
        return List.copyOf(received);
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.TreeMap<>();
            http.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
            received.add(new Received(http.getRequestMethod(), http.getRequestURI().getPath(), headers, body));
            Integer failure = failures.poll();
            http.sendResponseHeaders(failure == null ? 204 : failure, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
