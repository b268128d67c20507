package app.pathary.cli;

import app.pathary.App;
import app.pathary.cleanup.CleanupExecutor;
import app.pathary.cleanup.CleanupPlan;
import app.pathary.cleanup.CleanupRecords;
import app.pathary.cleanup.PlanEntry;
import app.pathary.common.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cleanup:plan} and {@code cleanup:run}: plan (a dry run) and, with --execute, delete through Radarr and Sonarr. */
final class CleanupCommands {
    private CleanupCommands() {
    }

    static LocalDate day(App app, String now) {
        try {
            return now == null ? app.today() : LocalDate.parse(now);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("--now must be a date as yyyy-MM-dd, not '" + now + "'.");
        }
    }

    static void print(CleanupPlan plan) {
        System.out.println("Cleanup plan for " + plan.today() + ": " + plan.watchedPolicy());
        plan.warnings().forEach(w -> System.out.println("warning: " + w));
        plan.bytesByInstance().forEach((instance, bytes) -> System.out.println("to reclaim on " + instance + ": " + bytes + " bytes"));
        for (PlanEntry entry : plan.entries()) {
            System.out.println(String.format("%-20s %-12s %s: %s", entry.action(), entry.instance() == null ? "-" : entry.instance(),
                    entry.title(), String.join("; ", entry.reasons())));
        }
    }

    @Command(name = "cleanup:plan", description = "Makes a cleanup plan (reads Jellyfin, Radarr and Sonarr; deletes nothing).")
    static final class Plan extends AppCommand {
        @Option(names = "--json", description = "print the plan as JSON")
        boolean json;
        @Option(names = "--now", paramLabel = "yyyy-MM-dd", description = "the day to plan for (default: today)")
        String now;

        @Override
        int run(App app) {
            CleanupPlan plan = app.cleanupRuns.makePlan(day(app, now));
            if (json) {
                System.out.println(CleanupRecords.planJson(plan));
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
        @Option(names = "--now", paramLabel = "yyyy-MM-dd", description = "the day to plan for (default: today)")
        String now;

        @Override
        int run(App app) {
            CleanupPlan plan = app.cleanupRuns.makePlan(day(app, now));
            print(plan);
            if (!execute) {
                System.out.println("Dry run: nothing was deleted. Add --execute to carry the plan out.");
                return 0;
            }
            CleanupExecutor.Outcome outcome = app.cleanupRuns.execute(plan, "cli");
            System.out.println(outcome);
            if (outcome.stoppedBecause() != null) {
                System.err.println(outcome.stoppedBecause());
                return 1;
            }
            return 0;
        }
    }
}
