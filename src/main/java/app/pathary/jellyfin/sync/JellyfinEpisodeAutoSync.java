package app.pathary.jellyfin.sync;

import app.pathary.history.EpisodeChange;
import app.pathary.history.EpisodeHistoryQueries;
import app.pathary.history.EpisodeListener;
import app.pathary.history.EpisodeWatchDate;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The automatic export of episode history changes, as {@link JellyfinAutoSync} does for movies: inside the change's
 * transaction, a change that makes a date the episode's latest, or removes the latest, queues a
 * {@link JobSpec.JellyfinEpisodeSync} (the rules and the outbox are {@link AutoSyncOutbox}'s).
 */
final class JellyfinEpisodeAutoSync implements EpisodeListener.InTransaction {
    private final AutoSyncOutbox<EpisodeChange> outbox;

    JellyfinEpisodeAutoSync(JellyfinLinkRepository links, EpisodeHistoryQueries history, JobQueue queue) {
        this.outbox = new AutoSyncOutbox<>(links, queue,
                (h, change) -> history.datesOf(h, change.userId(), change.episodeId()).stream().map(EpisodeWatchDate::watchedAt).toList(),
                change -> new JobSpec.JellyfinEpisodeSync(change.userId(), change.episodeId()));
    }

    @Override
    public Runnable onChanges(Handle h, List<EpisodeChange> changes) {
        return outbox.onChanges(h, changes);
    }
}
