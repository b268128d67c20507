package app.pathary.job;

import app.pathary.common.InvalidInputException;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** {@code /admin/jobs}: every job, filtered by status, type and user; finished ones can be removed. */
final class JobPages implements WebRoutes {
    private final Pages pages;
    private final JobRepository jobs;

    public JobPages(Pages pages, JobRepository jobs) {
        this.pages = pages;
        this.jobs = jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/jobs", this::list, Role.ADMIN);
        routes.post("/admin/jobs/delete-finished", ctx -> {
            Flash.success(ctx, "Removed " + jobs.deleteFinished() + " finished jobs.");
            ctx.redirect("/admin/jobs");
        }, Role.ADMIN);
    }

    private void list(Context ctx) {
        String status = blankToNull(ctx.queryParam("status"));
        String type = blankToNull(ctx.queryParam("type"));
        String user = blankToNull(ctx.queryParam("user"));
        Job.Status parsed;
        try {
            parsed = status == null ? null : Job.Status.of(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status must be waiting, running, done or failed.");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("jobs", jobs.list(parsed, type, user == null ? null : PathIds.parse(user, "user"), 200));
        model.put("status", status == null ? "" : status);
        model.put("type", type == null ? "" : type);
        model.put("user", user == null ? "" : user);
        pages.render(ctx, "job/admin-jobs.jte", "Jobs", model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
