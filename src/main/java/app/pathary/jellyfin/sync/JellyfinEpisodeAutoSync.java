package app.pathary.jellyfin.sync;

import app.pathary.history.EpisodeChange;
import app.pathary.history.EpisodeHistoryQueries;
import app.pathary.history.EpisodeListener;
import app.pathary.history.EpisodeWatchDate;
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
import org.jdbi.v3.core.Handle;

/**
 * The automatic export of episode history changes, as {@link JellyfinAutoSync} does for movies: inside the change's
 * transaction, a change that makes a date the episode's latest, or removes the latest, queues a
 * {@link JobSpec.JellyfinEpisodeSync} (an outbox); changes that came from a Jellyfin import are not pushed back.
 */
final class JellyfinEpisodeAutoSync implements EpisodeListener.InTransaction {
    private final JellyfinLinkRepository links;
    private final EpisodeHistoryQueries history;
    private final JobQueue queue;

    JellyfinEpisodeAutoSync(JellyfinLinkRepository links, EpisodeHistoryQueries history, JobQueue queue) {
        this.links = links;
        this.history = history;
        this.queue = queue;
    }

    @Override
    public Runnable onChanges(Handle h, List<EpisodeChange> changes) {
        Map<Long, Boolean> syncing = new HashMap<>();
        boolean queued = false;
        for (EpisodeChange change : changes) {
            if (change.source() == HistoryChange.Source.JELLYFIN_IMPORT
                    || !syncing.computeIfAbsent(change.userId(), user -> syncs(h, user)) || !movesLatest(h, change)) {
                continue;
            }
            queue.enqueue(h, new JobSpec.JellyfinEpisodeSync(change.userId(), change.episode().id()));
            queued = true;
        }
        return queued ? queue::wakeWorkers : null;
    }

    private boolean syncs(Handle h, long userId) {
        JellyfinLink link = links.recent(h, userId);
        return link.syncEnabled() && link.authenticated() && !link.loginInvalid();
    }

    private boolean movesLatest(Handle h, EpisodeChange change) {
        List<EpisodeWatchDate> dates = history.datesOf(h, change.userId(), change.episode().id());
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
