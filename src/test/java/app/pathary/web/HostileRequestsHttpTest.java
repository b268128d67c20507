package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Requests an anonymous client can send to hurt the server: a body shorter than its Content-Length, JSON nested past
 * the limit, a number of 1,500 digits. Each is a 4xx, none costs the log a stack trace, and no log line carries the
 * webhook's secret id.
 */
@BothDialects
class HostileRequestsHttpTest {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private TestApp app;
    private String webhookId;

    private void start(Dialect dialect) {
        lines.start();
        root.addAppender(lines);
        app = TestApp.start(TestDatabases.fresh(dialect));
        long alice = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        webhookId = app.app.jellyfinLink.webhookUrls().regenerate(alice);
    }

    @AfterEach
    void stop() {
        root.detachAppender(lines);
        app.close();
    }

    /**
     * Sends the head with a Content-Length of 5,000 and only the start of the body, then closes the sending half;
     * returns the status line the server answered, or "" when it answered nothing.
     */
    private String truncated(String path, String start) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n" + start)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.isEmpty() ? "" : answer.lines().findFirst().orElse("");
        }
    }

    private List<String> logged() {
        return lines.list.stream().map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " +trace")).toList();
    }

    @Test
    void a_body_cut_short_is_a_400_without_a_stack_trace_and_costs_the_log_one_line_at_most(Dialect dialect) throws Exception {
        start(dialect);
        for (int i = 0; i < 20; i++) {
            for (String path : List.of("/api/webhook/jellyfin/" + webhookId, "/api/auth/token", "/api/users/alice/history/movies", "/login")) {
                String status = truncated(path, "{\"NotificationType\":\"Playb");
                assertThat(status).as(path).doesNotContain(" 500").doesNotContain(" 503");
            }
        }
        assertThat(logged()).as("80 cut-short requests").hasSizeLessThanOrEqualTo(1).noneMatch(line -> line.contains("+trace"));
        assertThat(String.join("\n", logged())).doesNotContain(webhookId);
    }

    @Test
    void json_nested_past_the_limit_or_with_a_1500_digit_number_is_a_400_naming_the_limit(Dialect dialect) throws Exception {
        start(dialect);
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String longNumber = "{\"name\":\"alice\",\"password\":" + "9".repeat(1_500) + "}";
        String deepObject = "{\"name\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000) + "}";
        for (String body : List.of(deep, longNumber, deepObject)) {
            HttpResponse<String> token = app.client().json("POST", "/api/auth/token", body);
            assertThat(token.statusCode()).as(body.substring(0, 20)).isEqualTo(400);
            assertThat(token.body()).contains("JSON limits");
            HttpResponse<String> delivery = app.client().json("POST", "/api/webhook/jellyfin/" + webhookId, body);
            assertThat(delivery.statusCode()).isEqualTo(400);
            assertThat(delivery.body()).contains("JSON limits");
        }
        assertThat(logged()).noneMatch(line -> line.contains("+trace"));
    }
}
