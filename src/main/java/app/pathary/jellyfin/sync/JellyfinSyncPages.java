package app.pathary.jellyfin.sync;

import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.jellyfin.link.JellyfinSettingsPages;
import app.pathary.job.Job;
import app.pathary.job.JobRepository;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Import, export and automatic sync on the Jellyfin settings page, with the user's jobs and their live progress. */
final class JellyfinSyncPages implements WebRoutes {
    private static final String PATH = JellyfinSettingsPages.PATH;
    private final Pages pages;
    private final JellyfinLinkRepository links;
    private final JellyfinSyncFacade jellyfinJobs;
    private final JobRepository jobs;

    public JellyfinSyncPages(Pages pages, JellyfinLinkRepository links, JellyfinSyncFacade jellyfinJobs, JobRepository jobs) {
        this.pages = pages;
        this.links = links;
        this.jellyfinJobs = jellyfinJobs;
        this.jobs = jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH + "/import", ctx -> {
            if (authenticated(ctx)) {
                jellyfinJobs.queueImport(me(ctx));
                Flash.success(ctx, "The import from Jellyfin is queued; its progress shows below.");
            }
            ctx.redirect(PATH);
        }, Role.USER);
        routes.post(PATH + "/export", ctx -> {
            if (authenticated(ctx)) {
                jellyfinJobs.queueExport(me(ctx), "on".equals(ctx.formParam("markUnplayed")));
                Flash.success(ctx, "The export to Jellyfin is queued; its progress shows below.");
            }
            ctx.redirect(PATH);
        }, Role.USER);
        routes.post(PATH + "/catchup", ctx -> {
            if (authenticated(ctx)) {
                jellyfinJobs.queueCatchup(me(ctx));
                Flash.success(ctx, "The catch-up with Jellyfin is queued; its progress shows below.");
            }
            ctx.redirect(PATH);
        }, Role.USER);
        routes.post(PATH + "/sync", ctx -> {
            if (authenticated(ctx)) {
                boolean on = "true".equals(ctx.formParam("enabled"));
                links.setSync(me(ctx), on);
                Flash.success(ctx, on ? "Changes to your history are now exported to Jellyfin automatically."
                        : "Automatic export to Jellyfin is off.");
            }
            ctx.redirect(PATH);
        }, Role.USER);
        routes.get(PATH + "/jobs", this::jobList, Role.USER);
    }

    private void jobList(Context ctx) {
        long userId = me(ctx);
        List<Job> mine = jobs.list(null, null, userId, 30).stream()
                .filter(job -> job.type().equals(JellyfinSyncFacade.IMPORT) || job.type().equals(JellyfinSyncFacade.EXPORT)
                        || job.type().equals(JellyfinSyncFacade.CATCHUP))
                .limit(10).toList();
        boolean active = mine.stream().anyMatch(job -> !job.finished());
        pages.render(ctx, "jellyfin/sync/jobs.jte", "", Map.of("jobs", mine, "active", active));
    }

    private boolean authenticated(Context ctx) {
        JellyfinLink link = links.of(me(ctx));
        if (!link.authenticated()) {
            Flash.error(ctx, "Authenticate with Jellyfin first.");
            return false;
        }
        return true;
    }

    private static long me(Context ctx) {
        return Caller.require(ctx).id();
    }
}
