package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.DiskState;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** {@code GET /api/cleanup/disks}: free space per disk from the latest plan, its limits and the forecast. */
final class DiskApi implements WebRoutes {
    private final CleanupStores records;
    private final ZoneId zone;

    DiskApi(CleanupStores records, ZoneId zone) {
        this.records = records;
        this.zone = zone;
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Forecast(Double slopePerDay, LocalDate crossesOn, String sentence) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Disk(DiskState disk, Integer usedPercent, int samples, Forecast forecast) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Answer(Long planId, Instant plannedAt, List<Disk> disks) {
    }

    /** The disks of the latest plan as the page draws them (empty before the first plan). */
    static List<DiskHistory.DiskView> views(CleanupStores records, ZoneId zone) {
        List<DiskState> disks = records.plans().latestPlan().map(CleanupPlan::disks).orElse(List.of());
        return disks.isEmpty() ? List.of() : DiskHistory.of(disks, records.disks().recent(), records.disks().now(), zone);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/cleanup/disks", ctx -> {
            var plan = records.plans().latestPlan();
            List<Disk> disks = views(records, zone).stream().map(v -> new Disk(v.disk(), v.usedPercent(), v.samples(),
                    new Forecast(v.forecast().slopePerDay(), v.forecast().crossesOn(), v.forecast().sentence()))).toList();
            ctx.json(new Answer(plan.map(CleanupPlan::id).orElse(null), plan.map(CleanupPlan::createdAt).orElse(null), disks));
        }, Role.ADMIN);
    }
}
