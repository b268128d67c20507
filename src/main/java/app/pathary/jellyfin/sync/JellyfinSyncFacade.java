package app.pathary.jellyfin.sync;

import app.pathary.history.HistoryListener;
import app.pathary.history.HistoryQueries;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.jellyfin.link.JellyfinWrites;
import app.pathary.jellyfin.link.JellyfinLogin;
import app.pathary.job.Job;
import app.pathary.job.JobContext;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import app.pathary.movie.MovieQueries;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The Jellyfin jobs: import, export and automatic sync, built from the client and the history. Pages and the CLI
 * start imports and exports here; the composition root runs the queued specs through the {@code run} methods.
 */
public final class JellyfinSyncFacade {
    public static final String IMPORT = JobSpec.JellyfinImport.TYPE;
    public static final String EXPORT = JobSpec.JellyfinExport.TYPE;
    public static final String CATCHUP = JobSpec.JellyfinCatchup.TYPE;
    private final JellyfinImport importer;
    private final JellyfinExport exporter;
    private final JellyfinAutoSync autoSync;
    private final JellyfinMovieSync movieSync;
    private final JellyfinCatchup catchup;
    private final JellyfinEpisodeImport episodeImporter;
    private final JellyfinEpisodeExport episodeExporter;
    private final JellyfinEpisodeAutoSync episodeAutoSync;
    private final JellyfinEpisodeSync episodeSync;
    private final JobQueue queue;
    private final JellyfinLinkRepository links;

    /**
     * What the sync needs: the user's link and login, the Jellyfin client and the per-user item index, the retry of
     * writes, the history, the queue, and the zone that turns instants into calendar dates.
     */
    public record Wiring(JellyfinLinkRepository links, JellyfinLogin login, JellyfinClient client, JellyfinItemIndex index,
            Retries retries, Collaborators history, JobQueue queue, ZoneId zone, JellyfinWrites writes, Clock clock) {
    }

    public JellyfinSyncFacade(Wiring wiring) {
        JellyfinAccess access = new JellyfinAccess(wiring.links(), wiring.login());
        JellyfinLibrary library = new JellyfinLibrary(wiring.client());
        var playstate = new JellyfinMovieSync.Playstate(wiring.client(), wiring.retries(), wiring.zone(), wiring.writes());
        this.importer = new JellyfinImport(access, library, wiring.index(), wiring.history().watchHistory(), wiring.zone());
        var writes = new PlaystateWrites(access, playstate);
        this.exporter = new JellyfinExport(access, library, wiring.index(), writes, wiring.history().queries());
        var episodeLibrary = new JellyfinEpisodeLibrary(wiring.client());
        var episodeIndex = wiring.index().episodes();
        this.episodeImporter = new JellyfinEpisodeImport(access, episodeLibrary, episodeIndex, wiring.history().episodes(),
                wiring.history().episodeQueries(), wiring.zone());
        this.episodeExporter = new JellyfinEpisodeExport(access, episodeLibrary, episodeIndex, writes, wiring.history().episodeQueries());
        this.episodeAutoSync = new JellyfinEpisodeAutoSync(wiring.links(), wiring.history().episodeQueries(), wiring.queue());
        this.episodeSync = new JellyfinEpisodeSync(wiring.history().episodeQueries(), wiring.history().shows(), access, episodeIndex,
                episodeLibrary, playstate);
        this.autoSync = new JellyfinAutoSync(wiring.links(), wiring.history().queries(), wiring.queue());
        this.movieSync = new JellyfinMovieSync(wiring.history().queries(), wiring.history().movies(), access, wiring.index(), library, playstate);
        this.catchup = new JellyfinCatchup(new JellyfinCatchup.Remote(access, wiring.client(), wiring.writes(), wiring.links(), episodeLibrary),
                wiring.history(), wiring.clock(), wiring.zone());
        this.queue = wiring.queue();
        this.links = wiring.links();
    }

    /** The sync's part of the Jellyfin page: import, export, automatic sync, and the user's jobs. */
    public java.util.List<app.pathary.web.WebRoutes> routes(app.pathary.web.Pages pages, app.pathary.job.JobRepository jobs) {
        return java.util.List.of(new JellyfinSyncPages(pages, links, this, jobs));
    }

    /** The history parts the jobs use. */
    public record Collaborators(WatchHistory watchHistory, HistoryQueries queries, MovieQueries movies,
            app.pathary.history.EpisodeHistory episodes, app.pathary.history.EpisodeHistoryQueries episodeQueries,
            app.pathary.show.ShowQueries shows) {
    }

    /** The automatic sync: to be told of history changes inside their transaction. */
    public HistoryListener.InTransaction autoSync() {
        return autoSync;
    }

    /** Movies first, then episodes; a failed read of either fails the job (what was added stays; a retry adds nothing twice). */
    public String run(JobSpec.JellyfinImport spec, JobContext context) {
        String movies = importer.run(spec.userId(), context).toString();
        return movies + " " + episodeImporter.run(spec.userId(), context);
    }

    public String run(JobSpec.JellyfinExport spec, JobContext context) throws Exception {
        String movies = exporter.run(spec.userId(), spec.markUnplayed(), context).toString();
        return movies + " " + episodeExporter.run(spec.userId(), spec.markUnplayed(), context);
    }

    public String run(JobSpec.JellyfinSync spec) {
        return movieSync.run(spec);
    }

    public String run(JobSpec.JellyfinEpisodeSync spec) {
        return episodeSync.run(spec);
    }

    /** The automatic sync of episodes: to be told of episode history changes inside their transaction. */
    public app.pathary.history.EpisodeListener.InTransaction episodeAutoSync() {
        return episodeAutoSync;
    }

    public String run(JobSpec.JellyfinCatchup spec, JobContext context) {
        return catchup.run(spec.userId(), context).toString();
    }

    /** The scheduled catch-up: one catch-up job per user with a Jellyfin login (each de-duplicated by its user). */
    public String run(JobSpec.JellyfinCatchupAll spec) {
        java.util.List<Long> users = links.usersWithLogin();
        users.forEach(this::queueCatchup);
        return "Queued a catch-up for " + app.pathary.common.Plural.of(users.size(), "user") + " with a Jellyfin login.";
    }

    public long queueCatchup(long userId) {
        return queue.enqueue(new JobSpec.JellyfinCatchup(userId));
    }

    /** Runs a catch-up here and now (the CLI), recorded as a job row. */
    public Job catchupNow(long userId, JobContext progress) throws Exception {
        return queue.runInForeground(new JobSpec.JellyfinCatchup(userId), this::run, progress, "cli");
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
