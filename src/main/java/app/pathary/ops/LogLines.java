package app.pathary.ops;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.Level;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * How each log line is written ({@code LOG_FORMAT}, set by {@link LogSetup}): {@code text} for people (time, level, logger,
 * request id, message, and a stack trace when there is one), or {@code json} for log collectors: one object per line
 * with {@code time}, {@code level}, {@code logger}, {@code message}, {@code requestId} (within a request),
 * {@code thread}, and for a failure {@code exception} (its class) — plus {@code stack} only at ERROR, where something
 * unexpected broke; a user's mistake or a remote system's answer never fills a log with a trace.
 */
public final class LogLines extends EncoderBase<ILoggingEvent> {
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{20}%replace( [%X{requestId}]){' \\[\\]', ''} - %msg%n";
    private static final JsonFactory JSON = new JsonFactory();
    private String format = "text";
    private PatternLayout text;

    /** {@code text} or {@code json} (any case); anything else is text (startup has refused it already). */
    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isJson() {
        return "json".equals(format);
    }

    @Override
    public void start() {
        text = new PatternLayout();
        text.setContext(getContext());
        text.setPattern(TEXT_PATTERN);
        text.start();
        super.start();
    }

    @Override
    public void stop() {
        if (text != null) {
            text.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (!isJson()) {
            return text.doLayout(event).getBytes(StandardCharsets.UTF_8);
        }
        return json(event);
    }

    static byte[] json(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator line = JSON.createGenerator(out)) {
            line.writeStartObject();
            line.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            line.writeStringField("level", event.getLevel().toString());
            line.writeStringField("logger", event.getLoggerName());
            line.writeStringField("message", event.getFormattedMessage());
            String requestId = event.getMDCPropertyMap().get("requestId");
            if (requestId != null) {
                line.writeStringField("requestId", requestId);
            }
            line.writeStringField("thread", event.getThreadName());
            IThrowableProxy failure = event.getThrowableProxy();
            if (failure != null) {
                line.writeStringField("exception", failure.getClassName());
                if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                    line.writeStringField("stack", ThrowableProxyUtil.asString(failure));
                }
            }
            line.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
