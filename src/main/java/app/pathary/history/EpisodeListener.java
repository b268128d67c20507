package app.pathary.history;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Reacts to committed episode history changes. Must not throw. */
@FunctionalInterface
public interface EpisodeListener {
    void onChanges(List<EpisodeChange> changes);

    /** Told inside the change's transaction, with the same duties as {@link HistoryListener.InTransaction}. */
    @FunctionalInterface
    interface InTransaction {
        /** Returns what to do once the transaction has committed, or null. */
        Runnable onChanges(Handle handle, List<EpisodeChange> changes);
    }
}
