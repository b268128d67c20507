package app.pathary.watched;

import app.pathary.common.Plural;
import app.pathary.common.NotFoundException;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import app.pathary.web.Flash;
import app.pathary.web.PageOfRows;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The admin page "Watched media" (the last report, filtered) and {@code GET /api/cleanup/watched}. */
final class WatchedPages implements WebRoutes {
    static final int PAGE_SIZE = 50;
    private final Pages pages;
    private final WatchedReportRepository reports;
    private final JobQueue jobs;
    private final Clock clock;

    private final java.util.function.Supplier<Map<String, Long>> sizes;

    public WatchedPages(Pages pages, WatchedReportRepository reports, JobQueue jobs, Clock clock,
            java.util.function.Supplier<Map<String, Long>> sizes) {
        this.sizes = sizes;
        this.pages = pages;
        this.reports = reports;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/cleanup/watched", this::show, Role.ADMIN);
        routes.post("/admin/cleanup/watched/refresh", ctx -> {
            long job = jobs.enqueueNow(new JobSpec.WatchedReport());
            Flash.success(ctx, "The watched state is being read from Jellyfin; its progress shows below.");
            ctx.redirect("/admin/cleanup/watched?job=" + job);
        }, Role.ADMIN);
        routes.get("/api/cleanup/watched", ctx -> ctx.contentType("application/json").result(reports.latestJson()
                .orElseThrow(() -> new NotFoundException("No watched report yet: configure Jellyfin on /settings/server/cleanup and refresh."))),
                Role.ADMIN);
    }

    private void show(Context ctx) {
        String verdict = param(ctx, "verdict");
        String kind = param(ctx, "kind");
        String search = param(ctx, "search").toLowerCase(Locale.ROOT);
        Map<String, Object> model = new HashMap<>();
        var report = reports.latest().orElse(null);
        model.put("report", report);
        model.put("age", report == null ? "" : age(Duration.between(report.computedAt(), clock.instant())));
        List<ReportEntry> matching = report == null ? List.of() : report.entries().stream()
                .filter(e -> verdict.isEmpty() || e.verdict().value().equals(verdict))
                .filter(e -> kind.isEmpty() || e.kind().equals(kind))
                .filter(e -> search.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(search)
                        || (e.series() != null && e.series().toLowerCase(Locale.ROOT).contains(search)))
                .toList();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("verdict", verdict);
        query.put("kind", kind);
        query.put("search", param(ctx, "search"));
        model.put("entries", PageOfRows.of(matching, ctx.queryParam("page"), PAGE_SIZE, query, "page"));
        model.put("jobId", ctx.queryParam("job") == null ? null : PathIds.parse(ctx.queryParam("job"), "job"));
        model.put("failure", lastFailure(report));
        model.put("sizes", report == null ? Map.of() : sizes.get());
        model.put("verdict", verdict);
        model.put("kind", kind);
        model.put("search", param(ctx, "search"));
        pages.render(ctx, "watched/watched.jte", "Watched media", model);
    }

    /** Why the newest reading of Jellyfin failed, when it did and no report came after it; "" otherwise. */
    private String lastFailure(WatchedReport report) {
        return jobs.latest(JobSpec.WatchedReport.TYPE)
                .filter(job -> job.lastError() != null && job.status() != app.pathary.job.Job.Status.DONE)
                .filter(job -> report == null || job.createdAt().isAfter(report.computedAt()))
                .map(job -> job.lastError() + (job.status() == app.pathary.job.Job.Status.WAITING && job.attempts() > 0
                        ? " (it is tried again by itself; \"Read Jellyfin again\" tries now)" : ""))
                .orElse("");
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    static String age(Duration age) {
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return Plural.of(age.toMinutes(), "minute") + " ago";
        }
        if (age.toDays() < 1) {
            return Plural.of(age.toHours(), "hour") + " ago";
        }
        return Plural.of(age.toDays(), "day") + " ago";
    }
}
