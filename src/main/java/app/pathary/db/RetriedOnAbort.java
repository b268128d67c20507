package app.pathary.db;

import java.sql.SQLException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL write transactions, run again (three attempts in all) when the server rolled one back as a deadlock victim
 * ({@code 40P01}) or a serialization failure ({@code 40001}). Such a transaction was undone whole and the server asks
 * for it to be retried; with several replicas two webhook deliveries of one user can meet this way, and a play must
 * not be lost to it. {@link WriteTransactions} work may run more than once by contract.
 */
final class RetriedOnAbort implements WriteTransactions {
    static final int ATTEMPTS = 3;
    private final Jdbi jdbi;

    RetriedOnAbort(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !abortedByServer(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean abortedByServer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
