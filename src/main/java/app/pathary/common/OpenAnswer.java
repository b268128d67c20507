package app.pathary.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An answer whose headers are in and whose body is still on the wire, read as a stream by the caller (so a large list
 * is decoded as it arrives, never held as text). The deadline of {@link AnswerDeadline#open} still covers the body:
 * when it passes, the stream is closed under the reader, and {@link #read} reports an {@link HttpTimeoutException}
 * like any other timeout. Close it (try-with-resources) so that an unread rest of the body is let go.
 */
public final class OpenAnswer implements AutoCloseable {

    /** Reads the body; any {@link IOException} (Jackson's included) is the caller's to classify. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    private final HttpResponse<InputStream> response;
    private final AtomicBoolean expired;
    private final ScheduledFuture<?> watchdog;
    private final long timeoutMillis;

    OpenAnswer(HttpResponse<InputStream> response, AtomicBoolean expired, ScheduledFuture<?> watchdog, long timeoutMillis) {
        this.response = response;
        this.expired = expired;
        this.watchdog = watchdog;
        this.timeoutMillis = timeoutMillis;
    }

    public int statusCode() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    /** Reads the body with {@code reader}; a deadline that passed meanwhile is an {@link HttpTimeoutException}. */
    public <T> T read(BodyReader<T> reader) throws IOException {
        try {
            T value = reader.read(response.body());
            if (expired.get()) {
                throw timeout();
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (expired.get()) {
                throw timeout();
            }
            throw e;
        }
    }

    /** The whole body as UTF-8 text (for error answers, which are small). */
    public String text() throws IOException {
        return read(body -> new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private HttpTimeoutException timeout() {
        return new HttpTimeoutException("no whole answer within " + timeoutMillis + " ms");
    }

    @Override
    public void close() {
        watchdog.cancel(false);
        try {
            response.body().close();
        } catch (IOException e) {
            // the exchange is over either way
        }
    }
}
