package app.pathary.jellyfin.sync;

import app.pathary.history.DatedChange;
import app.pathary.history.HistoryChange;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The outbox of "Automatically export history changes to Jellyfin", the same for movies ({@link JellyfinAutoSync}) and
 * episodes ({@link JellyfinEpisodeAutoSync}): inside the transaction of a history change, it decides which changes
 * Jellyfin must hear of and queues their sync jobs in that same transaction, so a crash right after the commit loses
 * none. A change that makes a date the item's latest, or removes the latest date, queues the item's job; a change to an
 * older date queues nothing. Changes that came from a Jellyfin import are not pushed back, nor are those of a user whose
 * automatic sync is off or whose login no longer works. Once committed, the workers are woken.
 *
 * @param <C> the change record
 */
final class AutoSyncOutbox<C extends DatedChange> {
    private final JellyfinLinkRepository links;
    private final JobQueue queue;
    private final BiFunction<Handle, C, List<LocalDate>> datesNow;
    private final Function<C, JobSpec> job;

    /**
     * @param datesNow the item's dates as the change left them, read through the handle: newest first, unknown (null) last
     * @param job      the item's sync job
     */
    AutoSyncOutbox(JellyfinLinkRepository links, JobQueue queue, BiFunction<Handle, C, List<LocalDate>> datesNow,
            Function<C, JobSpec> job) {
        this.links = links;
        this.queue = queue;
        this.datesNow = datesNow;
        this.job = job;
    }

    /** Queues the job of every change Jellyfin must hear of; returns what wakes the workers after the commit, or null. */
    Runnable onChanges(Handle h, List<C> changes) {
        Map<Long, Boolean> syncing = new HashMap<>();
        boolean queued = false;
        for (C change : changes) {
            if (change.source() == HistoryChange.Source.JELLYFIN_IMPORT
                    || !syncing.computeIfAbsent(change.userId(), user -> syncs(h, user)) || !movesLatest(h, change)) {
                continue;
            }
            queue.enqueue(h, job.apply(change));
            queued = true;
        }
        return queued ? queue::wakeWorkers : null;
    }

    /** Whether the user's changes are to be pushed: read once per batch of changes. */
    private boolean syncs(Handle h, long userId) {
        JellyfinLink link = links.recent(h, userId);
        return link.syncEnabled() && link.authenticated() && !link.loginInvalid();
    }

    /** Whether Jellyfin's view of the item (played, last played date) changes because of this change. */
    private boolean movesLatest(Handle h, C change) {
        List<LocalDate> dates = datesNow.apply(h, change);
        if (dates.isEmpty()) {
            return true;
        }
        LocalDate latest = dates.getFirst();
        return switch (change.kind()) {
            case ADDED -> Objects.equals(change.date(), latest);
            case REMOVED -> change.date() == null ? latest == null : latest == null || change.date().isAfter(latest);
            case ALL_REMOVED -> true;
        };
    }
}
