package app.pathary.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The faults {@link FakeJellyfin}, {@link FakeRadarr} and {@link FakeSonarr} share, as bytes on the wire. */
final class FakeHttpFaults {

    /** nginx's page when the server behind it does not answer. */
    static final byte[] BAD_GATEWAY_PAGE = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private FakeHttpFaults() {
    }

    static void send(HttpExchange http, int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, body.length);
        http.getResponseBody().write(body);
    }

    /** Announces all of {@code json} with status 200 and sends its first half; the caller then stalls or hangs up. */
    static void sendHalf(HttpExchange http, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        http.sendResponseHeaders(200, body.length);
        http.getResponseBody().write(body, 0, body.length / 2);
        http.getResponseBody().flush();
    }

    /** Sends half of {@code json} and hangs up: a handler that throws makes the JDK server close the connection. */
    static void cutOff(HttpExchange http, String json) throws IOException {
        sendHalf(http, json);
        throw new IOException("the fake cut the answer off on purpose");
    }
}
