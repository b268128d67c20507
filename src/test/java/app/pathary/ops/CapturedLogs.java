package app.pathary.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Every log event of Pathary while it is attached (DEBUG and up), kept with its request id, as the real encoder would see it. */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger pathary = (Logger) LoggerFactory.getLogger("app.pathary");
    private final Level previous;

    private CapturedLogs() {
        previous = pathary.getLevel();
    }

    static CapturedLogs attach() {
        CapturedLogs logs = new CapturedLogs();
        logs.setContext(logs.pathary.getLoggerContext());
        logs.start();
        logs.pathary.setLevel(Level.DEBUG);
        logs.pathary.addAppender(logs);
        return logs;
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
    }

    List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** The lines as LOG_FORMAT=json writes them. */
    List<String> jsonLines() {
        return events.stream().map(e -> new String(LogLines.json(e), StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void close() {
        pathary.detachAppender(this);
        pathary.setLevel(previous);
        stop();
    }
}
