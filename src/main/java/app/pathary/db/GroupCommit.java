package app.pathary.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit for SQLite's single writer connection. Callers queue their transactions; one writer thread takes
 * everything waiting (up to {@link #MAX_BATCH}) and runs it, in arrival order, as one transaction. A burst of small
 * writes (webhook deliveries) then shares one connection checkout, one BEGIN and one COMMIT: the commit (writing the
 * WAL) cost about as much as all the statements of a delivery together. Nobody waits for a batch to fill: a lone
 * transaction runs at once, and batches form only from what queued up while the previous one ran.
 *
 * <p>A transaction that finds the writer idle and nothing queued runs on its caller's thread instead (deliveries
 * arriving one at a time): handing it to the writer thread and its result back cost two thread wake-ups per
 * transaction, which only batching paid for. A lock on the writer connection keeps such a transaction and the writer
 * thread's batches one after the other.
 *
 * <p>Failures stay with their caller: if any transaction of a batch throws (or the commit fails), the whole batch
 * is rolled back and each of its transactions runs again alone.
 */
public final class GroupCommit implements WriteTransactions, AutoCloseable {
    static final int MAX_BATCH = 64;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private final Jdbi jdbi;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ReentrantLock connection = new ReentrantLock();
    private volatile int taken;
    private volatile boolean closed;

    /** The writer thread starts with the first transaction. */
    public GroupCommit(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.writer = Thread.ofPlatform().daemon().name("pathary-group-commit").unstarted(this::serve);
    }

    @Override
    public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        if (Thread.currentThread() == writer) {
            return jdbi.inTransaction(work);
        }
        if (taken == 0 && queue.isEmpty() && connection.tryLock()) {
            try {
                if (closed) {
                    throw new IllegalStateException("The database is closed.");
                }
                return jdbi.inTransaction(work);
            } finally {
                connection.unlock();
            }
        }
        if (!started.get() && !closed && started.compareAndSet(false, true)) {
            writer.start();
        }
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            throw new IllegalStateException("The database is closed.");
        }
        try {
            return pending.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How many transactions wait for the writer thread (for tests). */
    int waiting() {
        return queue.size() + taken;
    }

    private void serve() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken = 1;
                connection.lock();
                try {
                    taken = 0;
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    run(batch);
                } finally {
                    connection.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            } finally {
                batch.clear();
            }
        }
    }

    private void run(List<Pending<?>> batch) {
        if (batch.size() == 1) {
            runAlone(batch.getFirst());
            return;
        }
        List<Object> results;
        try {
            results = jdbi.inTransaction(h -> {
                List<Object> each = new ArrayList<>(batch.size());
                for (Pending<?> pending : batch) {
                    each.add(pending.work.withHandle(h));
                }
                return each;
            });
        } catch (RuntimeException | Error oneFailed) {
            batch.forEach(this::runAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }

    private <T> void runAlone(Pending<T> pending) {
        try {
            pending.result.complete(jdbi.inTransaction(pending.work));
        } catch (RuntimeException | Error e) {
            pending.result.completeExceptionally(e);
        }
    }

    /** Runs what is queued, then stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            if (started.get()) {
                writer.join(CLOSE_WAIT);
            }
            if (connection.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                connection.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending<?> left = queue.poll(); left != null; left = queue.poll()) {
            left.result.completeExceptionally(new IllegalStateException("The database is closed."));
        }
    }

    private static final class Pending<T> {
        private final HandleCallback<T, RuntimeException> work;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Pending(HandleCallback<T, RuntimeException> work) {
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void complete(Object value) {
            result.complete((T) value);
        }
    }
}
