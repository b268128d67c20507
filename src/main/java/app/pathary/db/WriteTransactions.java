package app.pathary.db;

import org.jdbi.v3.core.HandleCallback;

/**
 * Runs short write transactions. On SQLite they go through {@link GroupCommit} (one writer connection, several
 * transactions per commit); on PostgreSQL straight to JDBI. The work must touch the database only through its
 * handle: under group commit it may run a second time, alone, when another transaction of its batch failed.
 */
@FunctionalInterface
public interface WriteTransactions {
    /** Runs {@code work} in a transaction; returns its result once committed, or throws what it threw (nothing kept). */
    <T> T inTransaction(HandleCallback<T, RuntimeException> work);
}
