package app.pathary.db;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether the database takes a write: rewrites the one row of {@code health_probe} through the writer, at most once
 * per interval (the answer in between is the last one), and never keeps a health check waiting longer than
 * {@link #WAIT}: a probe still running then (a locked database, a server that does not answer) counts as down, and
 * no second probe starts until it ends. The SQLite file's identity is checked on every call (one {@code stat}).
 */
final class WriteProbe {
    static final Duration WAIT = Duration.ofSeconds(2);
    private final Jdbi writer;
    private final Optional<SqliteFile> file;
    private final long intervalNanos;
    private DatabaseHealth last = DatabaseHealth.UP;
    private long lastAt;
    private boolean probed;
    private CompletableFuture<DatabaseHealth> running;

    WriteProbe(Jdbi writer, Optional<SqliteFile> file, Duration interval) {
        this.writer = writer;
        this.file = file;
        this.intervalNanos = interval.toNanos();
    }

    DatabaseHealth check() {
        if (file.isPresent()) {
            try {
                file.get().check();
            } catch (RuntimeException e) {
                return DatabaseHealth.down(DatabaseFaults.reason(e).orElse(e.getMessage()));
            }
        }
        CompletableFuture<DatabaseHealth> probe;
        synchronized (this) {
            if (running == null && (!probed || System.nanoTime() - lastAt >= intervalNanos)) {
                running = CompletableFuture.supplyAsync(this::write, command -> Thread.ofVirtual().name("pathary-db-probe").start(command));
                running.whenComplete((health, failure) -> finished(health));
            }
            probe = running;
            if (probe == null) {
                return last;
            }
        }
        try {
            return probe.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return DatabaseHealth.down("the database did not take a write within " + WAIT.toSeconds()
                    + " seconds (it is locked by another program, or does not answer)");
        } catch (ExecutionException e) {
            return DatabaseHealth.down(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last;
        }
    }

    private synchronized void finished(DatabaseHealth health) {
        last = health == null ? DatabaseHealth.down("the write probe failed") : health;
        lastAt = System.nanoTime();
        probed = true;
        running = null;
    }

    private DatabaseHealth write() {
        try {
            writer.useHandle(h -> h.createUpdate("UPDATE health_probe SET checked_at = :now WHERE id = 1")
                    .bind("now", System.currentTimeMillis()).execute());
            return DatabaseHealth.UP;
        } catch (RuntimeException e) {
            String reason = DatabaseFaults.reason(e, file.map(SqliteFile::path).orElse(null))
                    .orElse("the database refused a write (" + e.getMessage() + ")");
            return DatabaseHealth.down(reason);
        }
    }
}
