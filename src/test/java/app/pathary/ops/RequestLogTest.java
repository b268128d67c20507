package app.pathary.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.common.InvalidInputException;
import app.pathary.config.TrustedProxies;
import app.pathary.config.WebOptions;
import app.pathary.web.ErrorMapping;
import app.pathary.web.Pages;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import app.pathary.web.WebServer;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Log lines: each line logged while a request runs carries its request id, and LOG_FORMAT=json writes one object per line. */
class RequestLogTest {
    private static final Logger FEATURE = LoggerFactory.getLogger("app.pathary.feature");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin server = new WebServer(new ObjectMapper(), ctx -> { }, new ErrorMapping(new Pages()), new SimpleMeterRegistry(),
            List.<WebRoutes>of(routes -> {
                routes.get("/api/work", ctx -> {
                    FEATURE.info("working on it");
                    FEATURE.info("still working");
                    throw new IllegalStateException("broke");
                }, Role.ANONYMOUS);
                routes.get("/api/fine", ctx -> {
                    FEATURE.info("fine");
                    ctx.result("ok");
                }, Role.ANONYMOUS);
            }), new WebOptions("", TrustedProxies.none(), "json")).start("127.0.0.1", 0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_line_a_request_logs_carries_the_request_id_its_answer_names() throws Exception {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            HttpResponse<String> failed = get("/api/work");
            HttpResponse<String> fine = get("/api/fine");
            String failedId = failed.headers().firstValue("X-Request-Id").orElseThrow();
            String fineId = fine.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(failedId).isNotEqualTo(fineId);

            List<ILoggingEvent> ofFailed = logs.events().stream().filter(e -> failedId.equals(e.getMDCPropertyMap().get("requestId"))).toList();
            assertThat(ofFailed).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("working on it", "still working", "Request GET /api/work failed", "GET /api/work -> 500 in "
                            + ofFailed.get(3).getFormattedMessage().replaceAll(".* in ", ""));
            assertThat(logs.events().stream().filter(e -> fineId.equals(e.getMDCPropertyMap().get("requestId"))))
                    .extracting(ILoggingEvent::getFormattedMessage).hasSize(2).first().isEqualTo("fine");
            assertThat(logs.events()).as("no line of these requests without its id")
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsKey("requestId"));
        }
        assertThat(MDC.get("requestId")).as("cleared after the request").isNull();
    }

    @Test
    void json_lines_hold_time_level_logger_message_request_id_and_the_exception_class_without_a_stack_below_error() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        MDC.put("requestId", "abc123");
        LoggingEvent warning;
        LoggingEvent error;
        try {
            warning = new LoggingEvent("x", context.getLogger("app.pathary.web.ErrorMapping"), Level.WARN, "Request {} failed: \"{}\"",
                    new InvalidInputException("plays must be a whole number."), new Object[] {"POST /add", "quotes"});
            warning.prepareForDeferredProcessing();
            error = new LoggingEvent("x", context.getLogger("app.pathary.web.ErrorMapping"), Level.ERROR, "Request failed",
                    new IllegalStateException("bug"), null);
            error.prepareForDeferredProcessing();
        } finally {
            MDC.remove("requestId");
        }
        String line = new String(LogLines.json(warning), StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        JsonNode warn = JSON.readTree(line);
        assertThat(warn.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(warn.path("level").asText()).isEqualTo("WARN");
        assertThat(warn.path("logger").asText()).isEqualTo("app.pathary.web.ErrorMapping");
        assertThat(warn.path("message").asText()).isEqualTo("Request POST /add failed: \"quotes\"");
        assertThat(warn.path("requestId").asText()).isEqualTo("abc123");
        assertThat(warn.path("exception").asText()).isEqualTo(InvalidInputException.class.getName());
        assertThat(warn.has("stack")).isFalse();

        JsonNode err = JSON.readTree(LogLines.json(error));
        assertThat(err.path("exception").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(err.path("stack").asText()).contains("IllegalStateException: bug").contains("at app.pathary.ops.RequestLogTest");
    }

    @Test
    void the_text_format_shows_the_request_id_when_there_is_one() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogLines text = new LogLines();
        text.setContext(context);
        text.setFormat("text");
        text.start();
        MDC.put("requestId", "abc123");
        LoggingEvent inRequest = new LoggingEvent("x", context.getLogger("app.pathary.Test"), Level.INFO, "hello", null, null);
        inRequest.prepareForDeferredProcessing();
        MDC.remove("requestId");
        LoggingEvent outside = new LoggingEvent("x", context.getLogger("app.pathary.Test"), Level.INFO, "hello", null, null);
        assertThat(new String(text.encode(inRequest), StandardCharsets.UTF_8)).endsWith(" INFO  app.pathary.Test [abc123] - hello\n");
        assertThat(new String(text.encode(outside), StandardCharsets.UTF_8)).endsWith(" INFO  app.pathary.Test - hello\n");
    }
}
