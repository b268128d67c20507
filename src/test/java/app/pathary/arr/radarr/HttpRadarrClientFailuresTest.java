package app.pathary.arr.radarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.arr.ArrException;
import app.pathary.arr.ArrException.Unreachable.Reason;
import app.pathary.arr.ArrInstance;
import app.pathary.testing.FakeArrFault;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
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

/** Every typed failure of {@link HttpRadarrClient}, provoked for real. */
class HttpRadarrClientFailuresTest {

    private final FakeRadarr radarr = FakeRadarr.start();
    private final ArrInstance instance = radarr.instance("main");
    private final HttpRadarrClient client = RadarrTestClients.client(Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        radarr.close();
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        ArrInstance wrongKey = new ArrInstance("main", radarr.baseUrl(), "not-the-key");

        assertThatThrownBy(() -> client.movies(wrongKey))
                .isInstanceOfSatisfying(ArrException.Unauthorized.class, e -> {
                    assertThat(e.userMessage()).isEqualTo("Radarr did not accept the API key");
                    assertThat(e.getMessage()).isEqualTo("Radarr (main) GET /api/v3/movie -> 401 Unauthorized");
                    assertThat(e.product()).isEqualTo("Radarr");
                });
    }

    @Test
    void aStartingRadarrIsStartingUpAndRetryable() {
        radarr.setStartingUp(true);

        assertThatThrownBy(() -> client.systemStatus(instance))
                .isInstanceOfSatisfying(ArrException.StartingUp.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.userMessage()).isEqualTo("Radarr is starting up; try again in a moment");
                });
        radarr.setStartingUp(false);
        radarr.failNext(1, FakeArrFault.STARTING_UP);
        assertThatThrownBy(() -> client.tags(instance)).isInstanceOf(ArrException.StartingUp.class);
        assertThat(client.tags(instance)).isEmpty();
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ArrInstance nobody = new ArrInstance("gone", URI.create("http://127.0.0.1:" + port), "key");

        assertThatThrownBy(() -> client.systemStatus(nobody))
                .isInstanceOfSatisfying(ArrException.Unreachable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
                    assertThat(e.userMessage()).isEqualTo("Radarr: connection refused");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void anUnknownHostIsHostNotFound() {
        ArrInstance nowhere = new ArrInstance("nowhere", URI.create("http://radarr.invalid:7878"), "key");

        assertThatThrownBy(() -> client.systemStatus(nowhere))
                .isInstanceOfSatisfying(ArrException.Unreachable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsTimedOut() {
        radarr.failNext(1, FakeArrFault.HANG);

        assertThatThrownBy(() -> client.movies(instance))
                .isInstanceOfSatisfying(ArrException.Unreachable.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
        radarr.setLatency(Duration.ofMillis(2500));
        assertThatThrownBy(() -> client.deleteMovie(instance, 1, false, false))
                .isInstanceOfSatisfying(ArrException.Unreachable.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));
    }

    @Test
    void aDroppedConnectionIsConnectionClosed() {
        radarr.failNext(2, FakeArrFault.DROP_CONNECTION);

        assertThatThrownBy(() -> client.tags(instance))
                .isInstanceOfSatisfying(ArrException.Unreachable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_CLOSED));
    }

    @Test
    void aPlainHttpServerBehindAnHttpsUrlIsTlsHandshakeFailed() throws IOException {
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerPlainHttp(plain));
            ArrInstance https = new ArrInstance("tls", URI.create("https://127.0.0.1:" + plain.getLocalPort()), "key");

            assertThatThrownBy(() -> RadarrTestClients.client().systemStatus(https))
                    .isInstanceOfSatisfying(ArrException.Unreachable.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TLS_HANDSHAKE_FAILED));
        }
    }

    @Test
    void anHtmlPageWithStatus200IsNotArr() {
        radarr.failNext(1, FakeArrFault.HTML_PAGE);

        assertThatThrownBy(() -> client.movies(instance))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> assertThat(e.userMessage())
                        .startsWith("the server does not look like Radarr: it answered with an HTML page"));
    }

    @Test
    void aSonarrConfiguredAsRadarrIsNotArr() {
        try (FakeSonarr sonarr = FakeSonarr.start()) {
            assertThatThrownBy(() -> client.systemStatus(sonarr.instance("oops")))
                    .isInstanceOf(ArrException.NotArr.class).hasMessageContaining("appName is Sonarr");
        }
    }

    @Test
    void jsonOfAnotherShapeIsNotArr() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            ArrInstance notRadarr = new ArrInstance("x", URI.create("http://127.0.0.1:" + other.getAddress().getPort()), "k");

            assertThatThrownBy(() -> client.movies(notRadarr)).isInstanceOf(ArrException.NotArr.class)
                    .hasMessageContaining("expected a JSON array");
            assertThatThrownBy(() -> client.movie(notRadarr, 1)).isInstanceOf(ArrException.NotArr.class)
                    .hasMessageContaining("no id");
            assertThatThrownBy(() -> client.systemStatus(notRadarr)).isInstanceOf(ArrException.NotArr.class);
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aWrongUrlBaseIsNotFoundRatherThanAlreadyGone() {
        ArrInstance wrongBase = new ArrInstance("main", URI.create(radarr.baseUrl() + "/radarr"), radarr.apiKey());

        assertThatThrownBy(() -> client.deleteMovie(wrongBase, 1, true, false))
                .isInstanceOfSatisfying(ArrException.NotFound.class, e -> assertThat(e.answeredByArr()).isFalse());
        assertThatThrownBy(() -> client.movie(wrongBase, 1)).isInstanceOf(ArrException.NotFound.class);
    }

    @Test
    void aServerErrorIsAnUnexpectedStatusWithRadarrsMessage() {
        radarr.failNext(1, FakeArrFault.SERVER_ERROR);

        assertThatThrownBy(() -> client.movies(instance))
                .isInstanceOfSatisfying(ArrException.UnexpectedStatus.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.serverMessage()).isEqualTo("Object reference not set to an instance of an object.");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(client.movies(instance)).isEmpty();
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
