package app.pathary.job;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /admin/jobs}: every job by its readable name and its user's name, filtered by status, type and user; a
 * waiting or running job can be cancelled, a failed one tried again, a waiting one run now; finished ones can be
 * removed.
 */
final class JobPages implements WebRoutes {
    private final Pages pages;
    private final JobRepository jobs;
    private final JobQueue queue;
    private final Supplier<Map<Long, String>> userNames;

    public JobPages(Pages pages, JobRepository jobs, JobQueue queue, Supplier<Map<Long, String>> userNames) {
        this.pages = pages;
        this.jobs = jobs;
        this.queue = queue;
        this.userNames = userNames;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/jobs", this::list, Role.ADMIN);
        routes.post("/admin/jobs/delete-finished", ctx -> {
            int removed = jobs.deleteFinished();
            Flash.success(ctx, "Removed " + removed + (removed == 1 ? " finished job." : " finished jobs."));
            ctx.redirect("/admin/jobs");
        }, Role.ADMIN);
        routes.post("/admin/jobs/{id}/cancel", this::cancel, Role.ADMIN);
        routes.post("/admin/jobs/{id}/retry", this::retry, Role.ADMIN);
    }

    private void cancel(Context ctx) {
        Job job = job(ctx);
        if (jobs.cancel(job.id(), "Cancelled by " + Caller.require(ctx).name() + ".")) {
            Flash.success(ctx, job.title() + " (job " + job.id() + ") was cancelled.");
        } else {
            Flash.error(ctx, job.title() + " (job " + job.id() + ") had already ended; nothing to cancel.");
        }
        ctx.redirect("/admin/jobs");
    }

    private void retry(Context ctx) {
        Job job = job(ctx);
        if (job.status() == Job.Status.WAITING) {
            jobs.runNow(job.id());
            queue.wakeWorkers();
            Flash.success(ctx, job.title() + " (job " + job.id() + ") runs now instead of waiting.");
        } else if (job.status() == Job.Status.FAILED) {
            long again = queue.enqueue(job.spec());
            Flash.success(ctx, job.title() + " was queued again as job " + again + ".");
        } else {
            Flash.error(ctx, job.title() + " (job " + job.id() + ") is " + job.status().value() + "; only a failed or waiting job can be retried.");
        }
        ctx.redirect("/admin/jobs");
    }

    private Job job(Context ctx) {
        long id = PathIds.of(ctx, "id");
        return jobs.find(id).orElseThrow(() -> new NotFoundException("No job " + id + "."));
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
        model.put("users", userNames.get());
        model.put("status", status == null ? "" : status);
        model.put("type", type == null ? "" : type);
        model.put("user", user == null ? "" : user);
        pages.render(ctx, "job/admin-jobs.jte", "Jobs", model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
