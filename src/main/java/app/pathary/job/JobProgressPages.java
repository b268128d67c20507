package app.pathary.job;

import app.pathary.common.NotFoundException;
import app.pathary.web.Caller;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET /jobs/{id}/progress}: the live progress of one job, as an htmx fragment that asks again every two seconds
 * until the job has finished, then says how it ended. Pages that start a long operation (reading Jellyfin, making or
 * executing a plan, an import) show it instead of "reload in a moment". A user sees only their own jobs; admins all.
 */
final class JobProgressPages implements WebRoutes {
    private final Pages pages;
    private final JobRepository jobs;

    JobProgressPages(Pages pages, JobRepository jobs) {
        this.pages = pages;
        this.jobs = jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/jobs/{id}/progress", this::progress, Role.USER);
    }

    private void progress(Context ctx) {
        long id = PathIds.of(ctx, "id");
        Caller caller = Caller.require(ctx);
        Job job = jobs.find(id).filter(j -> caller.isAdmin() || Long.valueOf(caller.id()).equals(j.userId()))
                .orElseThrow(() -> new NotFoundException("There is no job " + id + "."));
        pages.render(ctx, "job/progress.jte", "", Map.of("job", job, "what", what(job.type())));
    }

    /** The operation in words. */
    public static String what(String type) {
        return switch (type) {
            case JobSpec.JellyfinImport.TYPE -> "Import from Jellyfin";
            case JobSpec.JellyfinExport.TYPE -> "Export to Jellyfin";
            case JobSpec.JellyfinSync.TYPE -> "Sync with Jellyfin";
            case JobSpec.JellyfinEpisodeSync.TYPE -> "Sync with Jellyfin";
            case JobSpec.JellyfinCatchup.TYPE -> "Catching up with Jellyfin";
            case JobSpec.WatchedReport.TYPE -> "Reading Jellyfin";
            case JobSpec.CleanupPlan.TYPE -> "Making a plan";
            case JobSpec.CleanupExecute.TYPE -> "Executing the plan";
            case JobSpec.CleanupScheduled.TYPE -> "Scheduled cleanup";
            case JobSpec.HistoryImportCommit.TYPE -> "Importing the file";
            default -> type;
        };
    }
}
