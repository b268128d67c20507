package app.pathary;

import app.pathary.cleanup.apply.CleanupRuns;
import app.pathary.history.portable.HistoryImports;
import app.pathary.jellyfin.sync.JellyfinSyncFacade;
import app.pathary.job.JobContext;
import app.pathary.job.JobHandler;
import app.pathary.job.JobSpec;
import app.pathary.notify.Notifications;
import app.pathary.watched.WatchedReportJob;

/**
 * Runs every kind of queued job by the feature that owns it. The switch is exhaustive over the sealed
 * {@link JobSpec}: a new kind of job does not compile until it is dispatched here (Komga's TaskHandler).
 */
final class JobDispatch implements JobHandler<JobSpec> {
    private final JellyfinSyncFacade jellyfin;
    private final WatchedReportJob watched;
    private final CleanupRuns cleanup;
    private final Notifications notifications;
    private final HistoryImports imports;

    JobDispatch(JellyfinSyncFacade jellyfin, WatchedReportJob watched, CleanupRuns cleanup, Notifications notifications, HistoryImports imports) {
        this.jellyfin = jellyfin;
        this.watched = watched;
        this.cleanup = cleanup;
        this.notifications = notifications;
        this.imports = imports;
    }

    @Override
    public String run(JobSpec spec, JobContext context) throws Exception {
        return switch (spec) {
            case JobSpec.JellyfinImport jellyfinImport -> jellyfin.run(jellyfinImport, context);
            case JobSpec.JellyfinExport jellyfinExport -> jellyfin.run(jellyfinExport, context);
            case JobSpec.JellyfinSync jellyfinSync -> jellyfin.run(jellyfinSync);
            case JobSpec.JellyfinEpisodeSync episodeSync -> jellyfin.run(episodeSync);
            case JobSpec.JellyfinCatchup catchup -> jellyfin.run(catchup, context);
            case JobSpec.JellyfinCatchupAll all -> jellyfin.run(all);
            case JobSpec.WatchedReport watchedReport -> watched.run(watchedReport, context);
            case JobSpec.CleanupPlan ignored -> cleanup.runPlan();
            case JobSpec.CleanupExecute cleanupExecute -> cleanup.runExecute(cleanupExecute);
            case JobSpec.CleanupScheduled ignored -> cleanup.runScheduled();
            case JobSpec.NotificationSend send -> notifications.run(send);
            case JobSpec.HistoryImportCommit commit -> imports.run(commit, context);
        };
    }
}
