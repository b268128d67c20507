package app.pathary.ops;

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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How each log line is written ({@code LOG_FORMAT}, set by {@link LogSetup}): {@code text} for people (time, level, logger,
 * request id, message, and a stack trace when there is one), or {@code json} for log collectors: one object per line
 * with {@code time}, {@code level}, {@code logger}, {@code message}, {@code requestId} (within a request),
 * {@code thread}, and for a failure {@code exception} (its class) — plus {@code stack} only at ERROR, where something
 * unexpected broke; a user's mistake or a remote system's answer never fills a log with a trace.
 *
 * <p>The text line is what logback's {@link #TEXT_PATTERN} gives (LogLinesTextTest compares the two), written by hand:
 * a {@code PatternLayout} registers some fifty converters and a date formatter when it starts, a tenth of a second of
 * CPU on every start of every command.
 */
public final class LogLines extends EncoderBase<ILoggingEvent> {
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{20}%replace( [%X{requestId}]){' \\[\\]', ''} - %msg%n";
    private static final JsonFactory JSON = new JsonFactory();
    private String format = "text";
    private static final int LOGGER_LENGTH = 20;
    private ZoneId zone = ZoneId.systemDefault();

    /** {@code text} or {@code json} (any case); anything else is text (startup has refused it already). */
    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isJson() {
        return "json".equals(format);
    }

    @Override
    public void start() {
        zone = ZoneId.systemDefault();
        super.start();
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
            return text(event, zone).getBytes(StandardCharsets.UTF_8);
        }
        return json(event);
    }

    /** One line as {@link #TEXT_PATTERN} writes it, then the stack trace when the event has one. */
    static String text(ILoggingEvent event, ZoneId zone) {
        StringBuilder line = new StringBuilder(128);
        LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
        digits(line, time.getYear(), 4).append('-');
        digits(line, time.getMonthValue(), 2).append('-');
        digits(line, time.getDayOfMonth(), 2).append(' ');
        digits(line, time.getHour(), 2).append(':');
        digits(line, time.getMinute(), 2).append(':');
        digits(line, time.getSecond(), 2).append('.');
        digits(line, time.getNano() / 1_000_000, 3).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
        abbreviate(line, event.getLoggerName());
        String requestId = event.getMDCPropertyMap().get("requestId");
        if (requestId != null && !requestId.isEmpty()) {
            line.append(" [").append(requestId).append(']');
        }
        line.append(" - ").append(event.getFormattedMessage()).append(System.lineSeparator());
        IThrowableProxy failure = event.getThrowableProxy();
        if (failure != null) {
            line.append(ThrowableProxyUtil.asString(failure));
        }
        return line.toString();
    }

    private static StringBuilder digits(StringBuilder line, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            line.append('0');
        }
        return line.append(text);
    }

    /**
     * {@code %logger{20}} as logback writes it: a name of 20 characters or more has its packages cut to their first letter,
     * from the left, until the name fits or the next package would be cut needlessly (the first package is always cut,
     * even when that alone goes past the fit); the class name itself is never cut.
     */
    static void abbreviate(StringBuilder line, String name) {
        int lastDot = name.lastIndexOf('.');
        if (name.length() < LOGGER_LENGTH || lastDot < 0) {
            line.append(name);
            return;
        }
        int toCut = lastDot - Math.max(0, LOGGER_LENGTH - (name.length() - lastDot));
        int cut = 0;
        boolean segmentStart = true;
        int i = 0;
        for (; i < lastDot; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (cut >= toCut) {
                    break;
                }
                line.append(c);
                segmentStart = true;
            } else if (segmentStart) {
                line.append(c);
                segmentStart = false;
            } else {
                cut++;
            }
        }
        line.append(name, i, name.length());
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
