package app.pathary.cleanup;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** {@code /admin/cleanup}: the latest plan, making and executing plans, hand exclusions, the audit log; and the plan API. */
public final class CleanupPages implements WebRoutes {
    private static final String PATH = "/admin/cleanup";
    private final Pages pages;
    private final CleanupRecords records;
    private final ArrSettingsStore settings;
    private final JobQueue jobs;

    public CleanupPages(Pages pages, CleanupRecords records, ArrSettingsStore settings, JobQueue jobs) {
        this.pages = pages;
        this.records = records;
        this.settings = settings;
        this.jobs = jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.post(PATH + "/plan", ctx -> {
            jobs.enqueue(new JobSpec.CleanupPlan());
            Flash.success(ctx, "A new plan is being made (a dry run: nothing is deleted); reload in a moment.");
            ctx.redirect(PATH);
        });
        routes.post(PATH + "/execute", ctx -> {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                throw new InvalidInputException("Confirm the execution by ticking the box.");
            }
            if (!settings.actions().execute()) {
                Flash.error(ctx, "CLEANUP_EXECUTE is off, so plans are only made; switch it on to delete.");
            } else {
                String by = Caller.require(ctx).name().replaceAll("[^A-Za-z0-9._-]", "");
                jobs.enqueue(new JobSpec.CleanupExecute(0, by, false));
                Flash.success(ctx, "The plan is being executed; the audit log below shows each action.");
            }
            ctx.redirect(PATH);
        });
        routes.post(PATH + "/exclusions", ctx -> {
            String id = ctx.formParam("jellyfinId");
            if (id == null || !id.matches("[0-9a-fA-F-]{8,40}")) {
                throw new InvalidInputException("jellyfinId must be a Jellyfin item id.");
            }
            records.exclude(id, ctx.formParam("title") == null ? id : ctx.formParam("title"), Caller.require(ctx).name());
            Flash.success(ctx, "Excluded from cleanup; the next plan keeps it.");
            ctx.redirect(PATH);
        });
        routes.post(PATH + "/exclusions/remove", ctx -> {
            records.include(ctx.formParam("jellyfinId"));
            Flash.success(ctx, "The exclusion was removed.");
            ctx.redirect(PATH);
        });
        routes.get("/api/cleanup/plan", ctx -> ctx.contentType("application/json").result(records.latestPlanJson()
                .orElseThrow(() -> new NotFoundException("No cleanup plan yet; make one on /admin/cleanup or with cleanup:plan."))));
    }

    private void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("plan", records.latestPlan().orElse(null));
        model.put("exclusions", records.exclusions());
        model.put("audit", records.audit(100));
        model.put("executeAllowed", settings.actions().execute());
        pages.render(ctx, "cleanup/cleanup.jte", "Cleanup", model);
    }
}
