package app.pathary.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.slf4j.LoggerFactory;

/** The hand-written text line is exactly what logback's PatternLayout makes of {@link LogLines#TEXT_PATTERN}. */
class LogLinesTextTest {
    private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();
    private static final PatternLayout LOGBACK = layout();

    private static PatternLayout layout() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(CONTEXT);
        layout.setPattern(LogLines.TEXT_PATTERN);
        layout.start();
        return layout;
    }

    private static LoggingEvent event(String logger, Level level, String message, long time, String requestId, Throwable failure) {
        LoggingEvent event = new LoggingEvent("x", CONTEXT.getLogger(logger), level, message, failure, null);
        event.setTimeStamp(time);
        event.setMDCPropertyMap(requestId == null ? Map.of() : Map.of("requestId", requestId));
        return event;
    }

    @Property(tries = 300)
    void every_line_is_logbacks_line(@ForAll("loggers") String logger, @ForAll("levels") Level level, @ForAll("messages") String message,
            @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long time, @ForAll("requestIds") String requestId) {
        LoggingEvent event = event(logger, level, message, time, requestId.equals("-") ? null : requestId, null);
        assertThat(LogLines.text(event, ZoneId.systemDefault())).isEqualTo(LOGBACK.doLayout(event));
    }

    @Example
    void a_failure_is_followed_by_its_stack_trace_as_logback_writes_it() {
        var cause = new IllegalArgumentException("inner");
        LoggingEvent event = event("app.pathary.cleanup.apply.CleanupRuns", Level.ERROR, "run failed", 1_700_000_000_123L, "r1",
                new IllegalStateException("outer", cause));
        String line = LogLines.text(event, ZoneId.systemDefault());
        assertThat(line).isEqualTo(LOGBACK.doLayout(event)).contains("Caused by: java.lang.IllegalArgumentException: inner");
        assertThat(line.lines().findFirst().orElseThrow()).endsWith(" ERROR a.p.c.a.CleanupRuns [r1] - run failed");
    }

    @Example
    void names_are_cut_from_the_left_until_they_fit() {
        StringBuilder out = new StringBuilder();
        LogLines.abbreviate(out, "app.pathary.jellyfin.sync.JellyfinMovieSync");
        assertThat(out).hasToString("a.p.j.s.JellyfinMovieSync");
        out.setLength(0);
        LogLines.abbreviate(out, "org.eclipse.jetty.Server");
        assertThat(out).hasToString("o.e.jetty.Server");
    }

    @Provide
    Arbitrary<String> loggers() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> className = Arbitraries.strings().withCharRange('A', 'Z').ofLength(1)
                .flatMap(first -> Arbitraries.strings().alpha().ofMaxLength(30).map(rest -> first + rest));
        return Arbitraries.oneOf(Arbitraries.of("ROOT", "app.pathary.App", "org.eclipse.jetty.server.Server", "x"),
                segment.list().ofMaxSize(7).flatMap(packages -> className.map(name ->
                        String.join(".", packages) + (packages.isEmpty() ? "" : ".") + name)));
    }

    @Provide
    Arbitrary<Level> levels() {
        return Arbitraries.of(List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR));
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80), Arbitraries.of("", "é ü 日本", "a\nb", "tab\there"));
    }

    @Provide
    Arbitrary<String> requestIds() {
        return Arbitraries.oneOf(Arbitraries.of("-", ""), Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(16));
    }
}
