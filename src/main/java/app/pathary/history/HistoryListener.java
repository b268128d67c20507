package app.pathary.history;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Reacts to committed history changes. Must not throw. */
@FunctionalInterface
public interface HistoryListener {
    void onChanges(List<HistoryChange> changes);

    /**
     * Told of changes inside their own transaction, with its handle: whatever it reads there sees them, and whatever
     * it writes commits or rolls back with them (an outbox: e.g. the job that pushes a change to Jellyfin). It must
     * touch the database only through the handle, and may run more than once for one change (a group commit that
     * failed is replayed), so it keeps no state of its own. Throwing fails the change as a whole.
     */
    @FunctionalInterface
    interface InTransaction {
        /** Returns what to do once the transaction has committed (e.g. wake the job workers), or null. */
        Runnable onChanges(Handle handle, List<HistoryChange> changes);
    }
}
