package app.pathary.common;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a request and waits at most {@code timeout} for the whole answer, body included. {@link HttpRequest#timeout()}
 * alone stops counting once the headers are in, so a server or proxy that stalls half-way through a body would hold
 * the caller for as long as the connection lives; here that is an {@link HttpTimeoutException} like any other
 * timeout, and the exchange is cancelled.
 */
public final class AnswerDeadline {

    /** One daemon thread closes the bodies whose deadline passed (it does nothing else, so it is never late). */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "answer-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private AnswerDeadline() {
    }

    /**
     * Sends a request and returns once the headers are in, with the body left to stream; the whole answer, body
     * included, must still come within {@code timeout} (see {@link OpenAnswer}).
     */
    public static OpenAnswer open(HttpClient http, HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response = await(http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()), timeout);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            expired.set(true);
            try {
                response.body().close();
            } catch (IOException e) {
                // closing is all the watchdog can do
            }
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return new OpenAnswer(response, expired, watchdog, timeout.toMillis());
    }

    private static <T> T await(CompletableFuture<T> pending, Duration timeout) throws IOException, InterruptedException {
        try {
            return pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException failure) {
                throw failure;
            }
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IOException(cause);
        }
    }
}
