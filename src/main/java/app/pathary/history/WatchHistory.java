package app.pathary.history;

import app.pathary.common.NotFoundException;
import app.pathary.db.WriteTransactions;
import app.pathary.history.HistoryChange.Kind;
import app.pathary.history.HistoryChange.Source;
import app.pathary.movie.Movie;
import app.pathary.movie.MovieRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * The one place where watch dates change. A batch of commands is applied in one transaction (all or nothing). Inside
 * it, every {@link HistoryListener.InTransaction} is told what changed (what it writes commits with the change); after
 * the commit every {@link HistoryListener} is. Transactions go through {@link WriteTransactions}, so on SQLite
 * concurrent changes (webhook deliveries) share commits.
 */
public final class WatchHistory {
    private final WriteTransactions transactions;
    private final MovieRepository movies;
    private final WatchDateRepository dates;
    private final WatchDateWindow window;
    private final ChangeListeners<HistoryChange> listeners = new ChangeListeners<>();

    /** Dates are checked against a window that ends tomorrow in the clock's zone. */
    public WatchHistory(WriteTransactions transactions, MovieRepository movies, Clock clock) {
        this(transactions, movies, new WatchDateWindow(clock, clock.getZone()), clock);
    }

    public WatchHistory(WriteTransactions transactions, MovieRepository movies, WatchDateWindow window, Clock clock) {
        this.transactions = transactions;
        this.movies = movies;
        this.window = window;
        this.dates = new WatchDateRepository(clock);
    }

    /** The window every new watch date must lie in. */
    public WatchDateWindow window() {
        return window;
    }

    public void addListener(HistoryListener listener) {
        listeners.add(listener::onChanges);
    }

    /** Adds a listener told inside each change's transaction; add it before changes are made. */
    public void addTransactionListener(HistoryListener.InTransaction listener) {
        listeners.addInTransaction(listener::onChanges);
    }

    /** Applies the commands for one user in one transaction and returns the changes made. */
    public List<HistoryChange> apply(long userId, List<? extends HistoryCommand> commands, Source source) {
        return applyIf(userId, commands, source, h -> true).orElseThrow();
    }

    /**
     * Like {@link #apply}, but first runs {@code guard} in the same transaction; when it answers false nothing is
     * applied and the result is empty. A guard can claim a de-duplication key, so the key and the change commit together.
     */
    public Optional<List<HistoryChange>> applyIf(long userId, List<? extends HistoryCommand> commands, Source source,
            Predicate<Handle> guard) {
        Optional<ChangeListeners.Committed<HistoryChange>> result = transactions.inTransaction(h -> guard.test(h)
                ? Optional.of(listeners.applyAll(h, userId, commands, source, this::applyOne, done -> { }))
                : Optional.empty());
        result.ifPresent(listeners::tell);
        return result.map(ChangeListeners.Committed::changes);
    }

    /** Movie changes made inside a transaction the caller runs, and what tells the listeners once it has committed. */
    public record Joined(List<HistoryChange> changes, Runnable afterCommit) {
    }

    /**
     * Applies the commands inside the caller's transaction (an import commits its movies and episodes together, all or
     * nothing), telling {@code progress} how many are applied; run {@link Joined#afterCommit()} after the commit.
     */
    public Joined applyWithin(Handle h, long userId, List<? extends HistoryCommand> commands, Source source, IntConsumer progress) {
        ChangeListeners.Committed<HistoryChange> committed = listeners.applyAll(h, userId, commands, source, this::applyOne, progress);
        return new Joined(committed.changes(), () -> listeners.tell(committed));
    }

    public List<HistoryChange> apply(long userId, HistoryCommand command, Source source) {
        return apply(userId, List.of(command), source);
    }

    private void applyOne(Handle h, long userId, HistoryCommand command, Source source, List<HistoryChange> made) {
        switch (command) {
            case HistoryCommand.AddPlays add -> window.check(add.date(), "watchedAt");
            case HistoryCommand.SetDate set -> window.check(set.date(), "watchedAt");
            case HistoryCommand.MergeDate merge -> window.check(merge.date(), "watchedAt");
            case HistoryCommand.DeleteDate ignored -> { }
            case HistoryCommand.DeleteMovie ignored -> { }
        }
        Movie movie = resolve(h, command.movie());
        switch (command) {
            case HistoryCommand.AddPlays add -> {
                dates.addPlays(h, userId, movie.id(), add.date(), add.plays(), blankToNull(add.comment()), DateSource.of(source));
                made.add(new HistoryChange(userId, movie, Kind.ADDED, add.date(), source));
            }
            case HistoryCommand.SetDate set -> {
                dates.set(h, userId, movie.id(), set.date(), set.plays(), blankToNull(set.comment()), DateSource.of(source));
                made.add(new HistoryChange(userId, movie, Kind.ADDED, set.date(), source));
            }
            case HistoryCommand.MergeDate merge -> {
                if (dates.merge(h, userId, movie.id(), merge.date(), merge.plays(), blankToNull(merge.comment()), DateSource.of(source))) {
                    made.add(new HistoryChange(userId, movie, Kind.ADDED, merge.date(), source));
                }
            }
            case HistoryCommand.DeleteDate delete -> {
                if (dates.delete(h, userId, movie.id(), delete.date())) {
                    made.add(new HistoryChange(userId, movie, Kind.REMOVED, delete.date(), source));
                }
            }
            case HistoryCommand.DeleteMovie ignored -> {
                if (dates.deleteAll(h, userId, movie.id()) > 0) {
                    made.add(new HistoryChange(userId, movie, Kind.ALL_REMOVED, null, source));
                }
            }
        }
    }

    private Movie resolve(Handle h, MovieRef ref) {
        return switch (ref) {
            case MovieRef.ById byId -> movies.findById(h, byId.movieId())
                    .orElseThrow(() -> new NotFoundException("No movie with id " + byId.movieId() + "."));
            case MovieRef.ByTmdbId byTmdb -> movies.findByTmdbId(h, byTmdb.tmdbId())
                    .orElseThrow(() -> new NotFoundException("No movie with TMDb id " + byTmdb.tmdbId()
                            + "; give a title to create it."));
            case MovieRef.CreateIfMissing create -> movies.findOrCreate(h, create.movie());
        };
    }

    static String blankToNull(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
