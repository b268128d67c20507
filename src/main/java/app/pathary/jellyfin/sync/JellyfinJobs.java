package app.pathary.jellyfin.sync;

import app.pathary.history.HistoryListener;
import app.pathary.history.HistoryQueries;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.jellyfin.link.JellyfinLogin;
import app.pathary.job.Job;
import app.pathary.job.JobContext;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import app.pathary.movie.MovieQueries;
import java.time.ZoneId;

/**
 * The Jellyfin jobs: import, export and automatic sync, built from the client and the history. Pages and the CLI
 * start imports and exports here; the composition root runs the queued specs through the {@code run} methods.
 */
public final class JellyfinJobs {
    public static final String IMPORT = JobSpec.JellyfinImport.TYPE;
    public static final String EXPORT = JobSpec.JellyfinExport.TYPE;
    private final JellyfinImport importer;
    private final JellyfinExport exporter;
    private final JellyfinAutoSync autoSync;
    private final JellyfinMovieSync movieSync;
    private final JobQueue queue;

    public JellyfinJobs(JellyfinLinkRepository links, JellyfinLogin login, JellyfinClient client, JellyfinItemIndex index,
            Retries retries, Collaborators history, JobQueue queue, ZoneId zone) {
        JellyfinAccess access = new JellyfinAccess(links, login);
        JellyfinLibrary library = new JellyfinLibrary(client);
        this.importer = new JellyfinImport(access, library, index, history.watchHistory(), zone);
        this.exporter = new JellyfinExport(access, library, index, client, retries, history.queries(), zone);
        this.autoSync = new JellyfinAutoSync(links, history.queries(), queue);
        this.movieSync = new JellyfinMovieSync(history.queries(), history.movies(), access, index, library,
                new JellyfinMovieSync.Playstate(client, retries, zone));
        this.queue = queue;
    }

    /** The history parts the jobs use. */
    public record Collaborators(WatchHistory watchHistory, HistoryQueries queries, MovieQueries movies) {
    }

    /** The automatic sync: to be told of history changes inside their transaction. */
    public HistoryListener.InTransaction autoSync() {
        return autoSync;
    }

    public String run(JobSpec.JellyfinImport spec, JobContext context) {
        return importer.run(spec.userId(), context).toString();
    }

    public String run(JobSpec.JellyfinExport spec, JobContext context) throws Exception {
        return exporter.run(spec.userId(), spec.markUnplayed(), context).toString();
    }

    public String run(JobSpec.JellyfinSync spec) {
        return movieSync.run(spec);
    }

    public long queueImport(long userId) {
        return queue.enqueue(new JobSpec.JellyfinImport(userId));
    }

    public long queueExport(long userId, boolean markUnplayed) {
        return queue.enqueue(new JobSpec.JellyfinExport(userId, markUnplayed));
    }

    /** Runs an import here and now (the CLI), recorded as a job row. */
    public Job importNow(long userId, JobContext progress) throws Exception {
        return queue.runInForeground(new JobSpec.JellyfinImport(userId), this::run, progress, "cli");
    }

    public Job exportNow(long userId, boolean markUnplayed, JobContext progress) throws Exception {
        return queue.runInForeground(new JobSpec.JellyfinExport(userId, markUnplayed), this::run, progress, "cli");
    }
}
