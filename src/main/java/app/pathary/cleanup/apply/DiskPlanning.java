package app.pathary.cleanup.apply;

import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.leaving.LeavingSoon;
import app.pathary.cleanup.plan.ArrSnapshot;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.CleanupPlanner;
import app.pathary.cleanup.plan.DiskFigures;
import app.pathary.cleanup.plan.DiskPressure;
import app.pathary.cleanup.plan.DiskRules;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.WatchedReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A plan as a run makes it: the planner, the leaving-soon schedule, then disk pressure on the disks read before the
 * libraries. With waiting items allowed, the series of waiting seasons are read too, and the planner plans the waiting
 * items with their grace taken as passed (every protection still applies) so disk pressure can choose them last.
 */
final class DiskPlanning {
    private DiskPlanning() {
    }

    /** What one plan is made from; {@code read} reads the *arr for a report (the series its eligible seasons need); {@code keeps} and {@code disks} are asked after it (an instance that cannot be read stops the plan first). */
    record Inputs(WatchedReport report, Function<WatchedReport, ArrSnapshot> read, java.util.function.Supplier<Map<String, String>> keeps, CleanupActions actions,
            Instant now, java.util.function.Supplier<DiskFigures.Placed> disks, DiskRules rules) {
    }

    /** The scheduled plan with disk pressure applied, and the snapshot it was made from. */
    record Made(CleanupPlan plan, ArrSnapshot arr) {
    }

    static Made plan(Inputs in, LeavingSoon leaving) {
        boolean waiting = in.rules().active() && in.rules().includeWaiting();
        WatchedReport shortened = waiting ? DiskPressure.graceShortened(in.report()) : null;
        ArrSnapshot arr = in.read().apply(waiting ? withEntries(in.report(), shortened) : in.report());
        Map<String, String> keeps = in.keeps().get();
        DiskFigures.Placed disks = in.disks().get();
        CleanupPlan plan = leaving.schedule(CleanupPlanner.plan(in.report(), arr, keeps, in.actions(), in.now()));
        List<PlanEntry> waitingDeletions = waiting ? CleanupPlanner.plan(shortened, arr, keeps, in.actions(), in.now())
                .entries().stream().filter(PlanEntry::deletes).toList() : List.of();
        return new Made(DiskPressure.apply(plan, in.report(), waitingDeletions, disks, in.rules()), arr);
    }

    private static WatchedReport withEntries(WatchedReport report, WatchedReport more) {
        List<ReportEntry> all = new ArrayList<>(report.entries());
        all.addAll(more.entries());
        return new WatchedReport(report.computedAt(), report.today(), report.policy(), all);
    }
}
