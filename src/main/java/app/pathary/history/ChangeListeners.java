package app.pathary.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one kind of history change (movie dates, episode dates): those told inside the change's transaction
 * (an outbox), which may ask for something to run after the commit, and those told after the commit. A failing
 * after-commit listener is logged: the change itself is stored. {@link #applyAll} is the body of every batch of
 * commands, which both histories share.
 *
 * @param <C> the change record
 */
final class ChangeListeners<C> {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);
    private final List<Consumer<List<C>>> afterCommit = new CopyOnWriteArrayList<>();
    private final List<BiFunction<Handle, List<C>, Runnable>> inTransaction = new CopyOnWriteArrayList<>();

    /** The changes of one committed transaction, and what the in-transaction listeners asked to do after the commit. */
    record Committed<C>(List<C> changes, List<Runnable> then) {
    }

    /** How a history applies one command inside a transaction, adding what it changed to {@code made}. */
    @FunctionalInterface
    interface Step<K, C> {
        void apply(Handle h, long userId, K command, HistoryChange.Source source, List<C> made);
    }

    void add(Consumer<List<C>> listener) {
        afterCommit.add(listener);
    }

    void addInTransaction(BiFunction<Handle, List<C>, Runnable> listener) {
        inTransaction.add(listener);
    }

    /** Tells the in-transaction listeners (when anything changed) and returns what is to be told after the commit. */
    Committed<C> inTransaction(Handle h, List<C> made) {
        List<Runnable> then = new ArrayList<>();
        if (!made.isEmpty()) {
            for (BiFunction<Handle, List<C>, Runnable> listener : inTransaction) {
                Runnable after = listener.apply(h, List.copyOf(made));
                if (after != null) {
                    then.add(after);
                }
            }
        }
        return new Committed<>(List.copyOf(made), then);
    }

    /**
     * Applies the commands in order inside the caller's transaction, telling {@code progress} how many are applied, then
     * tells the in-transaction listeners; {@link #tell} the result once the transaction has committed.
     */
    <K> Committed<C> applyAll(Handle h, long userId, List<? extends K> commands, HistoryChange.Source source, Step<K, C> step,
            IntConsumer progress) {
        List<C> made = new ArrayList<>();
        int done = 0;
        for (K command : commands) {
            step.apply(h, userId, command, source, made);
            progress.accept(++done);
        }
        return inTransaction(h, made);
    }

    /** Runs what the in-transaction listeners asked for, then tells the after-commit listeners. */
    void tell(Committed<C> committed) {
        for (Runnable then : committed.then()) {
            try {
                then.run();
            } catch (RuntimeException e) {
                LOG.error("An after-commit action of a history change failed; the change itself is stored", e);
            }
        }
        if (committed.changes().isEmpty()) {
            return;
        }
        for (Consumer<List<C>> listener : afterCommit) {
            try {
                listener.accept(committed.changes());
            } catch (RuntimeException e) {
                LOG.error("A history listener failed; the change itself is stored", e);
            }
        }
    }
}
