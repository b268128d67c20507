package app.pathary.jellyfin;

import app.pathary.history.HistoryQueries;
import app.pathary.history.WatchHistory;
import app.pathary.job.Job;
import app.pathary.job.JobContext;
import app.pathary.job.JobHandler;
import app.pathary.job.JobQueue;
import app.pathary.job.NewJob;
import app.pathary.movie.MovieQueries;
import java.time.ZoneId;
import java.util.Map;

/**
 * The Jellyfin jobs: import, export and automatic sync, built from the client and the history. Pages and the CLI
 * start imports and exports here; the worker pool runs them through {@link #handlers()}.
 */
public final class JellyfinJobs {
    public static final String IMPORT = "jellyfin_import";
    public static final String EXPORT = "jellyfin_export";
    private final JellyfinImport importer;
    private final JellyfinExport exporter;
    private final JellyfinAutoSync autoSync;
    private final JobQueue queue;

    public JellyfinJobs(JellyfinLinkRepository links, JellyfinLogin login, JellyfinClient client, JellyfinItemIndex index,
            Retries retries, Collaborators history, JobQueue queue, ZoneId zone) {
        JellyfinAccess access = new JellyfinAccess(links, login);
        JellyfinLibrary library = new JellyfinLibrary(client);
        this.importer = new JellyfinImport(access, library, index, history.watchHistory(), zone);
        this.exporter = new JellyfinExport(access, library, index, client, retries, history.queries(), zone);
        this.autoSync = new JellyfinAutoSync(links, history.queries(), history.movies(), queue, access, index, library, client,
                retries, zone);
        this.queue = queue;
    }

    /** The history parts the jobs use. */
    public record Collaborators(WatchHistory watchHistory, HistoryQueries queries, MovieQueries movies) {
    }

    public JellyfinAutoSync autoSync() {
        return autoSync;
    }

    public Map<String, JobHandler> handlers() {
        return Map.of(
                IMPORT, (job, context) -> importer.run(job.userId(), context).toString(),
                EXPORT, (job, context) -> exporter.run(job.userId(), markUnplayed(job), context).toString(),
                JellyfinAutoSync.JOB_TYPE, autoSync);
    }

    public long queueImport(long userId) {
        return queue.enqueue(NewJob.of(IMPORT, userId, "{}", IMPORT + ":" + userId));
    }

    public long queueExport(long userId, boolean markUnplayed) {
        return queue.enqueue(NewJob.of(EXPORT, userId, "{\"markUnplayed\":" + markUnplayed + "}", EXPORT + ":" + userId));
    }

    /** Runs an import here and now (the CLI), recorded as a job row. */
    public Job importNow(long userId, JobContext progress) throws Exception {
        return queue.runInForeground(NewJob.of(IMPORT, userId, "{}", null), handlers().get(IMPORT), progress, "cli");
    }

    public Job exportNow(long userId, boolean markUnplayed, JobContext progress) throws Exception {
        return queue.runInForeground(NewJob.of(EXPORT, userId, "{\"markUnplayed\":" + markUnplayed + "}", null),
                handlers().get(EXPORT), progress, "cli");
    }

    private static boolean markUnplayed(Job job) {
        return job.params().contains("\"markUnplayed\":true");
    }
}
