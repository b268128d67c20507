package app.pathary.web;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests whose client closed or stalled before sending its whole body (a {@code Content-Length} larger than what
 * came). That is the client's doing, not a server fault: no stack trace, and at most one log line a minute, counting
 * the others, so that an anonymous client cannot grow the log at will.
 */
final class ClientGaveUp {
    private static final Logger LOG = LoggerFactory.getLogger(ClientGaveUp.class);
    static final long LOG_EVERY_MILLIS = 60_000;
    private final Clock clock;
    private final AtomicLong nextLine = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unlogged = new AtomicLong();

    ClientGaveUp(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether the request failed on its connection: it closed early (Jetty's EofException is an EOFException), was
     * reset, or stalled past the idle timeout. Other I/O failures (a file the server cannot read) stay server faults.
     */
    static boolean isCause(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 20; t = t.getCause()) {
            if (t instanceof EOFException || t instanceof SocketException || t instanceof ClosedChannelException
                    || t instanceof TimeoutException || (t instanceof IOException && t.getClass().getName().startsWith("org.eclipse.jetty."))) {
                return true;
            }
        }
        return false;
    }

    /** Counts one such request and logs a line when the last one is a minute old. */
    void note(String route) {
        long count = unlogged.incrementAndGet();
        long now = clock.millis();
        long due = nextLine.get();
        if (now >= due && nextLine.compareAndSet(due, now + LOG_EVERY_MILLIS)) {
            unlogged.addAndGet(-count);
            LOG.info("{}: the client closed or stalled before its body was complete ({} such request(s) since the last line)", route, count);
        }
    }
}
