package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.common.ConflictException;
import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.JsonBody;
import app.pathary.web.PageOfRows;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/cleanup}: the latest plan, making and executing plans, hand exclusions, the audit log; and the plan API.
 * Executing names the plan on screen (its id and digest), so a plan made meanwhile is never the one that runs.
 */
final class CleanupPages implements WebRoutes {
    private static final String PATH = "/admin/cleanup";
    static final int PAGE_SIZE = 50;
    static final int RUNS_PER_PAGE = 10;
    private final Pages pages;
    private final CleanupStores records;
    private final CleanupRuns runs;
    private final JobQueue jobs;
    private final ZoneId zone;

    private final java.util.function.Supplier<Map<String, Integer>> years;

    public CleanupPages(Pages pages, CleanupStores records, CleanupRuns runs, JobQueue jobs, ZoneId zone,
            java.util.function.Supplier<Map<String, Integer>> years) {
        this.years = years;
        this.pages = pages;
        this.records = records;
        this.runs = runs;
        this.jobs = jobs;
        this.zone = zone;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show, Role.ADMIN);
        routes.post(PATH + "/plan", ctx -> {
            long job = jobs.enqueue(new JobSpec.CleanupPlan());
            Flash.success(ctx, "A new plan is being made (a dry run: nothing is deleted); its progress shows below.");
            ctx.redirect(PATH + "?job=" + job);
        }, Role.ADMIN);
        routes.post(PATH + "/execute", ctx -> {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                throw new InvalidInputException("Confirm the execution by ticking the box.");
            }
            long planId = PathIds.parse(ctx.formParam("planId"), "planId");
            boolean override = "yes".equals(ctx.formParam("overrideLimits"));
            try {
                long job = enqueueExecution(ctx, planId, ctx.formParam("digest"), override);
                Flash.success(ctx, "Plan " + planId + " is being executed; each item is checked again right before it is deleted. "
                        + "Its progress shows below, then the run's result.");
                ctx.redirect(PATH + "?job=" + job);
            } catch (InvalidInputException e) {
                Flash.error(ctx, e.getMessage());
                ctx.redirect(PATH);
            }
        }, Role.ADMIN);
        routes.post(PATH + "/exclusions", ctx -> {
            String id = ctx.formParam("jellyfinId");
            if (id == null || !id.matches("[0-9a-fA-F-]{8,40}")) {
                throw new InvalidInputException("jellyfinId must be a Jellyfin item id.");
            }
            records.exclusions().exclude(id, ctx.formParam("title") == null ? id : ctx.formParam("title"), Caller.require(ctx).name());
            Flash.success(ctx, "Excluded from cleanup: the plan on screen keeps it when executed, and so does every later plan.");
            ctx.redirect(PATH);
        }, Role.ADMIN);
        routes.post(PATH + "/exclusions/remove", ctx -> {
            records.exclusions().include(ctx.formParam("jellyfinId"));
            Flash.success(ctx, "The exclusion was removed.");
            ctx.redirect(PATH);
        }, Role.ADMIN);
        routes.get("/api/cleanup/plan", ctx -> ctx.contentType("application/json").result(records.plans().latestPlanJson()
                .orElseThrow(() -> new NotFoundException("No cleanup plan yet; make one on /admin/cleanup or with cleanup:plan."))),
                Role.ADMIN);
        routes.get("/api/cleanup/plans/{id}", ctx -> ctx.contentType("application/json").result(CleanupPlans.planJson(
                records.plans().plan(PathIds.parse(ctx.pathParam("id"), "id")).map(CleanupPlans.StoredPlan::plan)
                        .orElseThrow(() -> new NotFoundException("There is no plan " + ctx.pathParam("id") + ".")))), Role.ADMIN);
        routes.post("/api/cleanup/plans/{id}/execute", ctx -> {
            long planId = PathIds.parse(ctx.pathParam("id"), "id");
            if (records.plans().plan(planId).isEmpty()) {
                throw new NotFoundException("There is no plan " + planId + " (only the latest " + CleanupPlans.PLANS_KEPT + " are kept).");
            }
            JsonNode body = ctx.body().isBlank() ? JsonBody.parse("{}") : JsonBody.object(JsonBody.parse(ctx.body()), "The body");
            String digest = JsonBody.text(body, "digest", "The body");
            if (digest == null) {
                throw new InvalidInputException("digest is required: the digest of the plan you looked at (GET /api/cleanup/plans/" + planId + ").");
            }
            boolean override = body.path("overrideLimits").asBoolean(false);
            long job = enqueueExecution(ctx, planId, digest, override);
            ctx.status(202).json(Map.of("jobId", job, "planId", planId));
        }, Role.ADMIN);
    }

    private long enqueueExecution(Context ctx, long planId, String digest, boolean override) {
        CleanupPlan plan = runs.executable(planId, digest == null ? "" : digest);
        if (!plan.stops().isEmpty() && !override) {
            throw new ConflictException("Plan " + planId + " needs an override: " + String.join(" ", plan.stops()));
        }
        String by = Caller.require(ctx).name().replaceAll("[^A-Za-z0-9._@-]", "");
        return jobs.enqueue(new JobSpec.CleanupExecute(planId, by, override));
    }

    private void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        var stored = records.plans().latestStoredPlan().orElse(null);
        CleanupPlan plan = stored == null ? null : stored.plan();
        model.put("stored", stored);
        model.put("plan", plan);
        model.put("excludedNow", records.keepReasons(zone));
        model.put("exclusions", records.exclusions().exclusions());
        model.put("refusal", stored == null ? null : refusal(plan));
        model.put("zone", zone);
        model.put("maxAgeHours", runs.limits().planMaxAge().toHours());
        model.put("years", plan == null ? Map.of() : years.get());
        model.put("calendar", records.leaving().calendar());
        model.put("disks", DiskApi.views(records, zone));
        model.put("leavingSoonDays", records.leaving().options().days());
        model.put("pendingKeeps", records.leaving().keeps().pending());
        model.put("jobId", ctx.queryParam("job") == null ? null : PathIds.parse(ctx.queryParam("job"), "job"));
        model.put("result", stored == null || !stored.executed() ? java.util.List.of() : records.audit().runsOf(plan.id()));
        PlanFilter filter = PlanFilter.of(ctx);
        model.put("filter", filter);
        var matching = plan == null ? java.util.List.<app.pathary.cleanup.plan.PlanEntry>of() : filter.apply(plan);
        model.put("entries", PageOfRows.of(matching, ctx.queryParam("page"), PAGE_SIZE, filter.query(), "page"));
        model.put("selectedBytes", matching.stream().filter(app.pathary.cleanup.plan.PlanEntry::deletes)
                .mapToLong(app.pathary.cleanup.plan.PlanEntry::bytes).sum());
        int runCount = records.audit().runCount();
        int auditPage = Math.min(PageOfRows.parse(ctx.queryParam("auditPage"), "auditPage"), Math.max(1, (runCount + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE));
        var shownRuns = records.audit().runs((auditPage - 1) * RUNS_PER_PAGE, RUNS_PER_PAGE);
        Map<String, String> auditQuery = new java.util.LinkedHashMap<>(filter.query());
        auditQuery.put("page", ctx.queryParam("page"));
        model.put("audit", new PageOfRows<>(shownRuns, auditPage, Math.max(1, (runCount + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE), runCount,
                auditQuery, "auditPage"));
        pages.render(ctx, "cleanup/apply/cleanup.jte", "Cleanup", model);
    }

    /** Why the plan on screen cannot be executed now, or null when it can. */
    private String refusal(CleanupPlan plan) {
        try {
            runs.executable(plan.id(), null);
            return plan.deletions() == 0 ? "The plan deletes nothing." : null;
        } catch (InvalidInputException e) {
            return e.getMessage().startsWith("CLEANUP_EXECUTE is off") ? "Dry run: " + e.getMessage() : e.getMessage();
        }
    }
}
