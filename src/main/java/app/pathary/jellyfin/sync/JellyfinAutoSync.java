package app.pathary.jellyfin.sync;

import app.pathary.history.HistoryChange;
import app.pathary.history.HistoryListener;
import app.pathary.history.HistoryQueries;
import app.pathary.history.PlayedMovie;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * "Automatically export history changes to Jellyfin": decides, inside the transaction of a history change, which
 * changes Jellyfin must hear of, and queues their sync jobs in that same transaction (an outbox), so a crash right
 * after the commit loses none. A change that makes a date the movie's latest, or removes the latest date, queues a
 * {@link JobSpec.JellyfinSync} for that movie; a change to an older date queues nothing. Changes that came from a
 * Jellyfin import are not pushed back. Once committed, the workers are woken. {@link JellyfinMovieSync} runs the jobs.
 */
public final class JellyfinAutoSync implements HistoryListener.InTransaction {
    public static final String JOB_TYPE = JobSpec.JellyfinSync.TYPE;
    private final JellyfinLinkRepository links;
    private final HistoryQueries history;
    private final JobQueue queue;

    JellyfinAutoSync(JellyfinLinkRepository links, HistoryQueries history, JobQueue queue) {
        this.links = links;
        this.history = history;
        this.queue = queue;
    }

    @Override
    public Runnable onChanges(Handle h, List<HistoryChange> changes) {
        Map<Long, Boolean> syncing = new HashMap<>();
        boolean queued = false;
        for (HistoryChange change : changes) {
            if (change.source() == HistoryChange.Source.JELLYFIN_IMPORT
                    || !syncing.computeIfAbsent(change.userId(), user -> syncs(h, user)) || !movesLatest(h, change)) {
                continue;
            }
            queue.enqueue(h, new JobSpec.JellyfinSync(change.userId(), change.movieId()));
            queued = true;
        }
        return queued ? queue::wakeWorkers : null;
    }

    /** Whether the user's changes are to be pushed: read once per batch of changes. */
    private boolean syncs(Handle h, long userId) {
        JellyfinLink link = links.recent(h, userId);
        return link.syncEnabled() && link.authenticated() && !link.loginInvalid();
    }

    /** Whether Jellyfin's view of the movie (played, last played date) changes because of this change. */
    private boolean movesLatest(Handle h, HistoryChange change) {
        List<PlayedMovie.DateEntry> dates = history.datesOf(h, change.userId(), change.movieId());
        if (dates.isEmpty()) {
            return true;
        }
        LocalDate latest = dates.getFirst().watchedAt();
        return switch (change.kind()) {
            case ADDED -> Objects.equals(change.date(), latest);
            case REMOVED -> change.date() == null ? latest == null : latest == null || change.date().isAfter(latest);
            case ALL_REMOVED -> true;
        };
    }
}
