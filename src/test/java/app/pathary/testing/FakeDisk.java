package app.pathary.testing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A filesystem under fake Radarr/Sonarr root folders. Several fakes may share one (two *arr on one disk). {@code listed}
 * false models a network mount, which Sonarr leaves out of {@code /diskspace} while its root folders still report the
 * free space. A delete gives its bytes back after {@link #FREE_DELAY_MILLIS}, as the real servers delete asynchronously.
 */
public final class FakeDisk {
    /** How long after a delete its bytes come back. */
    public static final long FREE_DELAY_MILLIS = 150;
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-disk");
        thread.setDaemon(true);
        return thread;
    });
    final String path;
    final long totalSpace;
    final boolean listed;
    private final AtomicLong freeSpace;

    public FakeDisk(String path, long freeSpace, long totalSpace, boolean listed) {
        this.path = path;
        this.freeSpace = new AtomicLong(freeSpace);
        this.totalSpace = totalSpace;
        this.listed = listed;
    }

    public long freeSpace() {
        return freeSpace.get();
    }

    public void setFreeSpace(long bytes) {
        freeSpace.set(bytes);
    }

    /** The bytes of a delete come back a moment later. */
    void freeLater(long bytes) {
        LATER.schedule(() -> freeSpace.updateAndGet(free -> Math.min(totalSpace, free + bytes)), FREE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
}
