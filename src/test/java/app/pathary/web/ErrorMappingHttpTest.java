package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.common.RemoteReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a failed request shows: a remote read's sentence (502), or a generic sentence for anything unexpected (500). */
class ErrorMappingHttpTest {
    private final Javalin server = new WebServer(new ObjectMapper(), ctx -> { }, new ErrorMapping(new Pages()), new SimpleMeterRegistry(),
            List.<WebRoutes>of(routes -> {
                routes.get("/api/remote", ctx -> {
                    throw new RemoteReadException("Radarr radarr cannot be read: Radarr answered HTTP 500.", new IOException("cause"));
                }, Role.ANONYMOUS);
                routes.get("/api/bug", ctx -> {
                    throw new IllegalStateException("com.fasterxml.jackson.core.io.JsonEOFException: Unexpected end-of-input");
                }, Role.ANONYMOUS);
                routes.post("/api/webhook/jellyfin/{id}", ctx -> {
                    throw new IllegalStateException("a bug behind a secret URL");
                }, Role.MACHINE);
                routes.get("/page/bug", ctx -> {
                    throw new IllegalStateException("com.fasterxml.jackson.core.io.JsonEOFException: Unexpected end-of-input");
                }, Role.ANONYMOUS);
            }), app.pathary.config.WebOptions.defaults()).start("127.0.0.1", 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailedRequestIsLoggedWithItsRouteTemplateNeverTheSecretInItsPath() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ErrorMapping.class);
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        logger.addAppender(lines);
        try {
            String secret = "0b7c1f0e-8f5e-4b8a-9d55-2f3c9e4a7d21";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/webhook/jellyfin/" + secret)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(lines.list).extracting(e -> e.getFormattedMessage()).containsExactly("Request POST /api/webhook/jellyfin/{id} failed");
            assertThat(lines.list.toString()).doesNotContain(secret);
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void aRemoteSystemThatCannotBeReadIsABadGatewayWithItsSentence() throws Exception {
        HttpResponse<String> answer = get("/api/remote");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Radarr radarr cannot be read: Radarr answered HTTP 500.\"}");
    }

    @Test
    void anythingUnexpectedIsAGenericSentenceWithoutTheExceptionOnTheApiAndThePage() throws Exception {
        HttpResponse<String> api = get("/api/bug");
        HttpResponse<String> page = get("/page/bug");

        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.body()).isEqualTo("{\"error\":\"Something went wrong on the server; the details are in its log.\"}");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Something went wrong on the server; the details are in its log.")
                .doesNotContain("Exception").doesNotContain("jackson");
    }
}
