package app.pathary.jellyfin.sync;

import app.pathary.history.HistoryChange;
import app.pathary.history.HistoryListener;
import app.pathary.history.HistoryQueries;
import app.pathary.history.PlayedMovie;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * "Automatically export history changes to Jellyfin" for movies: inside the transaction of a history change, a change
 * that makes a date the movie's latest, or removes the latest date, queues a {@link JobSpec.JellyfinSync} for that
 * movie (the rules and the outbox are {@link AutoSyncOutbox}'s). {@link JellyfinMovieSync} runs the jobs.
 */
public final class JellyfinAutoSync implements HistoryListener.InTransaction {
    public static final String JOB_TYPE = JobSpec.JellyfinSync.TYPE;
    private final AutoSyncOutbox<HistoryChange> outbox;

    JellyfinAutoSync(JellyfinLinkRepository links, HistoryQueries history, JobQueue queue) {
        this.outbox = new AutoSyncOutbox<>(links, queue,
                (h, change) -> history.datesOf(h, change.userId(), change.movieId()).stream().map(PlayedMovie.DateEntry::watchedAt).toList(),
                change -> new JobSpec.JellyfinSync(change.userId(), change.movieId()));
    }

    @Override
    public Runnable onChanges(Handle h, List<HistoryChange> changes) {
        return outbox.onChanges(h, changes);
    }
}
