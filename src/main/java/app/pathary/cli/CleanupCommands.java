package app.pathary.cli;

import app.pathary.App;
import app.pathary.cleanup.apply.CleanupExecutor;
import app.pathary.cleanup.apply.CleanupPlans;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.DiskState;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.config.DiskLimit;
import app.pathary.common.InvalidInputException;
import app.pathary.history.WatchDateWindow;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code cleanup:plan} and {@code cleanup:run}: plan (a dry run) and, with --execute, delete through Radarr and Sonarr. */
final class CleanupCommands {
    private CleanupCommands() {
    }

    static LocalDate day(App app, String now) {
        return now == null ? app.today() : WatchDateWindow.parseStrictly(now.strip(), "--now");
    }

    static void print(CleanupPlan plan) {
        PlainText out = new PlainText().line("Cleanup plan " + plan.id() + " for " + plan.today() + ": " + plan.watchedPolicy());
        plan.warnings().forEach(w -> out.line("warning: " + w));
        plan.stops().forEach(s -> out.line("needs an override: " + s));
        plan.bytesByInstance().forEach((instance, bytes) -> out.line("to reclaim on " + instance + ": " + bytes + " bytes"));
        plan.disks().forEach(disk -> out.line(disk(disk)));
        for (PlanEntry entry : plan.entries()) {
            out.column(String.valueOf(entry.action()), 20).column(entry.instance() == null ? "-" : entry.instance(), 12)
                    .append(entry.title()).append(": ").append(String.join("; ", entry.reasons())).endLine();
        }
        out.print();
    }

    /** One line per disk: "disk /movies: 700.0 GB free of 10.0 TB (93 % used; from /diskspace of radarr); over ...". */
    static String disk(DiskState disk) {
        String figures = disk.freeBytes() == null ? "free space unknown"
                : DiskLimit.Bytes.text(disk.freeBytes()) + " free" + (disk.totalBytes() == null ? "" : " of " + DiskLimit.Bytes.text(disk.totalBytes())
                + (disk.usedPercent() == null ? "" : " (" + disk.usedPercent() + " % used)"));
        String limits = disk.threshold() == null ? "no threshold" : "threshold " + disk.threshold() + ", target " + disk.target();
        return "disk " + disk.name() + ": " + figures + "; from " + disk.figureFrom() + "; " + limits + "; " + disk.status()
                + (disk.note() == null ? "" : ": " + disk.note());
    }

    @Command(name = "cleanup:plan", description = "Makes a cleanup plan (reads Jellyfin, Radarr and Sonarr; deletes nothing).")
    static final class Plan extends AppCommand {
        @Option(names = "--json", description = "print the plan as JSON")
        boolean json;
        @Option(names = "--now", paramLabel = "yyyy-MM-dd", description = "the day to plan for (default: today)")
        String now;

        @Override
        int run(App app) {
            CleanupPlan plan = app.cleanup.runs().makePlan(day(app, now));
            if (json) {
                System.out.println(CleanupPlans.planJson(plan));
            } else {
                print(plan);
            }
            return 0;
        }
    }

    @Command(name = "cleanup:run", description = "Makes a plan and, with --execute (and CLEANUP_EXECUTE=true), carries it out.")
    static final class Run extends AppCommand {
        @Option(names = "--execute", description = "delete what the plan lists (needs CLEANUP_EXECUTE=true)")
        boolean execute;
        @Option(names = "--override-limits", description = "with --execute: go past CLEANUP_MAX_DELETIONS_PER_RUN / CLEANUP_MAX_DELETE_PERCENT for this plan")
        boolean overrideLimits;
        @Option(names = "--now", paramLabel = "yyyy-MM-dd", description = "the day to plan for (dry runs only; default: today)")
        String now;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (execute && now != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--now is for dry runs only: an execution always judges grace periods against today.");
            }
            return super.call();
        }

        @Override
        int run(App app) {
            if (execute && !app.cleanup.instances().actions().execute()) {
                throw new InvalidInputException("CLEANUP_EXECUTE is off, so plans are only made; switch it on to delete.");
            }
            CleanupPlan plan = app.cleanup.runs().makePlan(day(app, now));
            print(plan);
            if (!execute) {
                System.out.println("Dry run: nothing was deleted. Add --execute to carry the plan out.");
                return 0;
            }
            return report(app.cleanup.runs().execute(plan.id(), "cli", overrideLimits));
        }
    }

    static int report(CleanupExecutor.Outcome outcome) {
        System.out.println(outcome);
        if (outcome.stoppedBecause() != null) {
            System.err.println(outcome.stoppedBecause());
            return 1;
        }
        return 0;
    }

    @Command(name = "cleanup:execute", description = "Executes a stored plan by its id (as shown by cleanup:plan and the cleanup page).")
    static final class Execute extends AppCommand {
        @CommandLine.Parameters(index = "0", paramLabel = "planId", description = "the plan to execute")
        long planId;
        @Option(names = "--override-limits", description = "go past CLEANUP_MAX_DELETIONS_PER_RUN / CLEANUP_MAX_DELETE_PERCENT for this plan")
        boolean overrideLimits;

        @Override
        int run(App app) {
            return report(app.cleanup.runs().execute(planId, "cli", overrideLimits));
        }
    }
}
