package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.jellyfin.client.JellyfinException.Unreachable.Reason;
import app.pathary.testing.FakeJellyfin;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpJellyfinClientFailuresTest {

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final HttpJellyfinClient client = JellyfinTestClients.client(JellyfinTestClients.IDENTITY, Duration.ofMillis(500));
    private final JellyfinServer server = JellyfinServer.anonymous(jellyfin.baseUrl()).withToken(jellyfin.addApiKey());

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        JellyfinServer nobody = JellyfinServer.anonymous(URI.create("http://127.0.0.1:" + port));

        assertThatThrownBy(() -> client.publicSystemInfo(nobody))
                .isInstanceOfSatisfying(JellyfinException.Unreachable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
                    assertThat(e.userMessage()).isEqualTo("connection refused");
                });
    }

    @Test
    void anUnknownHostIsHostNotFound() {
        JellyfinServer nowhere = JellyfinServer.anonymous(URI.create("http://jellyfin.invalid:8096"));

        assertThatThrownBy(() -> client.publicSystemInfo(nowhere))
                .isInstanceOfSatisfying(JellyfinException.Unreachable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST));
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsTimedOut() {
        jellyfin.failNext(1, FakeJellyfin.Fault.HANG);

        assertThatThrownBy(() -> client.systemInfo(server))
                .isInstanceOfSatisfying(JellyfinException.Unreachable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
                    assertThat(e.userMessage()).isEqualTo("timed out");
                });
    }

    @Test
    void addedLatencyBeyondTheTimeoutIsAlsoTimedOut() {
        jellyfin.setLatency(Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.systemInfo(server))
                .isInstanceOfSatisfying(JellyfinException.Unreachable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
    }

    @Test
    void aDroppedConnectionIsConnectionClosed() {
        jellyfin.failNext(2, FakeJellyfin.Fault.DROP_CONNECTION);

        assertThatThrownBy(() -> client.systemInfo(server))
                .isInstanceOfSatisfying(JellyfinException.Unreachable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_CLOSED));
    }

    @Test
    void aPlainHttpServerBehindAnHttpsUrlIsTlsHandshakeFailed() throws IOException {
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerPlainHttp(plain));
            JellyfinServer https = JellyfinServer.anonymous(URI.create("https://127.0.0.1:" + plain.getLocalPort()));

            HttpJellyfinClient patient = JellyfinTestClients.client(); // the first TLS set-up alone can take a second

            assertThatThrownBy(() -> patient.publicSystemInfo(https))
                    .isInstanceOfSatisfying(JellyfinException.Unreachable.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TLS_HANDSHAKE_FAILED);
                        assertThat(e.userMessage()).isEqualTo("TLS handshake failed");
                    });
        }
    }

    @Test
    void aServerErrorIsAnUnexpectedStatusWithItsCode() {
        jellyfin.failNext(1, FakeJellyfin.Fault.SERVER_ERROR);

        assertThatThrownBy(() -> client.users(server))
                .isInstanceOfSatisfying(JellyfinException.UnexpectedStatus.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).isEqualTo("GET /Users -> HTTP 500");
                });
    }

    @Test
    void aServerThatIsStillStartingSaysSo() {
        jellyfin.failNext(1, FakeJellyfin.Fault.STARTING_UP);

        assertThatThrownBy(() -> client.publicSystemInfo(server))
                .isInstanceOfSatisfying(JellyfinException.UnexpectedStatus.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.userMessage()).isEqualTo("Jellyfin is starting up (HTTP 503)");
                });
    }

    @Test
    void anHtmlPageWithStatus200IsNotJellyfin() {
        jellyfin.failNext(1, FakeJellyfin.Fault.HTML_PAGE);

        assertThatThrownBy(() -> client.publicSystemInfo(server)).isInstanceOf(JellyfinException.NotJellyfin.class);
    }

    @Test
    void jsonThatIsNotJellyfinsIsNotJellyfin() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().endsWith("/Public")
                    ? "{\"ProductName\":\"Emby Server\",\"Id\":\"x\",\"Version\":\"4.8\"}".getBytes(StandardCharsets.UTF_8)
                    : "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            JellyfinServer notJellyfin = JellyfinServer.anonymous(URI.create("http://127.0.0.1:" + other.getAddress().getPort()))
                    .withToken("t");

            assertThatThrownBy(() -> client.publicSystemInfo(notJellyfin))
                    .isInstanceOf(JellyfinException.NotJellyfin.class).hasMessageContaining("Emby Server");
            assertThatThrownBy(() -> client.items(notJellyfin, ItemQuery.builder().build()))
                    .isInstanceOf(JellyfinException.NotJellyfin.class).hasMessageContaining("no Items");
            assertThatThrownBy(() -> client.users(notJellyfin)).isInstanceOf(JellyfinException.NotJellyfin.class);
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aWrongBasePathIsNotFoundRatherThanSilentlyWrong() {
        JellyfinServer wrongBase = JellyfinServer.anonymous(URI.create(jellyfin.baseUrl() + "/jellyfin"));

        assertThatThrownBy(() -> client.publicSystemInfo(wrongBase)).isInstanceOf(JellyfinException.NotFound.class);
    }

    @Test
    void theClientRecoversOnceTheFaultsArePassed() {
        jellyfin.failNext(1, FakeJellyfin.Fault.SERVER_ERROR);

        assertThatThrownBy(() -> client.systemInfo(server)).isInstanceOf(JellyfinException.UnexpectedStatus.class);
        assertThat(client.systemInfo(server).id()).isEqualTo(jellyfin.serverId());
    }

    private static void answerPlainHttp(ServerSocket plain) {
        try {
            while (!plain.isClosed()) {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
        } catch (IOException closed) {
            // the test is over
        }
    }
}
