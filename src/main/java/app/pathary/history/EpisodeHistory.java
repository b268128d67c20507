package app.pathary.history;

import app.pathary.common.NotFoundException;
import app.pathary.db.WriteTransactions;
import app.pathary.history.HistoryChange.Kind;
import app.pathary.history.HistoryChange.Source;
import app.pathary.show.Episode;
import app.pathary.show.NewEpisode;
import app.pathary.show.Show;
import app.pathary.show.ShowRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * The one place where episode watch dates change, with the rules of {@link WatchHistory}: one transaction per batch,
 * the same date window, listeners told inside the transaction and after the commit. Each new date stores its source.
 */
public final class EpisodeHistory {
    private final WriteTransactions transactions;
    private final ShowRepository shows;
    private final WatchDateRepository dates;
    private final WatchDateWindow window;
    private final ChangeListeners<EpisodeChange> listeners = new ChangeListeners<>();

    public EpisodeHistory(WriteTransactions transactions, ShowRepository shows, WatchDateWindow window, Clock clock) {
        this.transactions = transactions;
        this.shows = shows;
        this.window = window;
        this.dates = new WatchDateRepository(clock, WatchDateRepository.DatedItems.EPISODES);
    }

    public WatchDateWindow window() {
        return window;
    }

    public void addListener(EpisodeListener listener) {
        listeners.add(listener::onChanges);
    }

    /** Adds a listener told inside each change's transaction; add it before changes are made. */
    public void addTransactionListener(EpisodeListener.InTransaction listener) {
        listeners.addInTransaction(listener::onChanges);
    }

    /** Applies the commands for one user in one transaction and returns the changes made. */
    public List<EpisodeChange> apply(long userId, List<? extends EpisodeCommand> commands, Source source) {
        return applyIf(userId, commands, source, h -> true).orElseThrow();
    }

    public List<EpisodeChange> apply(long userId, EpisodeCommand command, Source source) {
        return apply(userId, List.of(command), source);
    }

    /** Like {@link #apply}, after {@code guard} agreed in the same transaction (e.g. it claimed a de-duplication key). */
    public Optional<List<EpisodeChange>> applyIf(long userId, List<? extends EpisodeCommand> commands, Source source,
            Predicate<Handle> guard) {
        Optional<ChangeListeners.Committed<EpisodeChange>> result = transactions.inTransaction(h -> guard.test(h)
                ? Optional.of(listeners.applyAll(h, userId, commands, source, this::applyOne, done -> { }))
                : Optional.empty());
        result.ifPresent(listeners::tell);
        return result.map(ChangeListeners.Committed::changes);
    }

    /** Episode changes made inside a transaction the caller runs, and what tells the listeners once it has committed. */
    public record Joined(List<EpisodeChange> changes, Runnable afterCommit) {
    }

    /**
     * Applies the commands inside the caller's transaction (an import commits its movies and episodes together, all or
     * nothing), telling {@code progress} how many are applied; run {@link Joined#afterCommit()} after the commit.
     */
    public Joined applyWithin(Handle h, long userId, List<? extends EpisodeCommand> commands, Source source, IntConsumer progress) {
        ChangeListeners.Committed<EpisodeChange> committed = listeners.applyAll(h, userId, commands, source, this::applyOne, progress);
        return new Joined(committed.changes(), () -> listeners.tell(committed));
    }

    private void applyOne(Handle h, long userId, EpisodeCommand command, Source source, List<EpisodeChange> made) {
        switch (command) {
            case EpisodeCommand.AddPlays add -> window.check(add.date(), "watchedAt");
            case EpisodeCommand.SetDate set -> window.check(set.date(), "watchedAt");
            case EpisodeCommand.MergeDate merge -> window.check(merge.date(), "watchedAt");
            case EpisodeCommand.DeleteDate ignored -> { }
            case EpisodeCommand.DeleteEpisode ignored -> { }
        }
        boolean removing = command instanceof EpisodeCommand.DeleteDate || command instanceof EpisodeCommand.DeleteEpisode;
        Episode episode = resolve(h, command.episode(), !removing);
        Show show = shows.findById(h, episode.showId()).orElseThrow();
        long id = episode.id();
        String stored = source.stored();
        boolean changed = switch (command) {
            case EpisodeCommand.AddPlays add -> {
                dates.addPlays(h, userId, id, add.date(), add.plays(), WatchHistory.blankToNull(add.comment()), stored);
                yield true;
            }
            case EpisodeCommand.SetDate set -> {
                dates.set(h, userId, id, set.date(), set.plays(), WatchHistory.blankToNull(set.comment()), stored);
                yield true;
            }
            case EpisodeCommand.MergeDate merge ->
                    dates.merge(h, userId, id, merge.date(), merge.plays(), WatchHistory.blankToNull(merge.comment()), stored);
            case EpisodeCommand.DeleteDate delete -> dates.delete(h, userId, id, delete.date());
            case EpisodeCommand.DeleteEpisode ignored -> dates.deleteAll(h, userId, id) > 0;
        };
        if (changed) {
            made.add(new EpisodeChange(userId, show, episode, kind(command), date(command), source));
        }
    }

    private static Kind kind(EpisodeCommand command) {
        return switch (command) {
            case EpisodeCommand.DeleteDate ignored -> Kind.REMOVED;
            case EpisodeCommand.DeleteEpisode ignored -> Kind.ALL_REMOVED;
            default -> Kind.ADDED;
        };
    }

    private static LocalDate date(EpisodeCommand command) {
        return switch (command) {
            case EpisodeCommand.AddPlays add -> add.date();
            case EpisodeCommand.SetDate set -> set.date();
            case EpisodeCommand.MergeDate merge -> merge.date();
            case EpisodeCommand.DeleteDate delete -> delete.date();
            case EpisodeCommand.DeleteEpisode ignored -> null;
        };
    }

    private Episode resolve(Handle h, EpisodeRef ref, boolean create) {
        return switch (ref) {
            case EpisodeRef.ByShowIds byIds -> {
                Show show = shows.findByIds(h, byIds.ids()).orElseThrow(() -> new NotFoundException("No show with "
                        + byIds.ids() + "; give its title to create it."));
                NewEpisode wanted = byIds.episode();
                yield create ? shows.findOrCreateEpisode(h, show.id(), wanted)
                        : shows.findEpisode(h, show.id(), wanted.season(), wanted.number()).orElseThrow(() -> new NotFoundException(
                                show.title() + " has no episode " + "S%02dE%02d".formatted(wanted.season(), wanted.number()) + "."));
            }
            case EpisodeRef.ById byId -> shows.findEpisodeById(h, byId.episodeId())
                    .orElseThrow(() -> new NotFoundException("No episode with id " + byId.episodeId() + "."));
            case EpisodeRef.CreateIfMissing missing ->
                    shows.findOrCreateEpisode(h, shows.findOrCreate(h, missing.show()).id(), missing.episode());
        };
    }
}
