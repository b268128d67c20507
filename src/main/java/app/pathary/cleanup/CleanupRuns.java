package app.pathary.cleanup;

import app.pathary.common.InvalidInputException;
import app.pathary.job.JobSpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Making and executing plans, as durable jobs or from the CLI. A plan is made from a fresh sweep of Jellyfin and fresh
 * reads of the *arr; executing needs CLEANUP_EXECUTE on, and works on the latest plan (re-checking each item).
 */
public final class CleanupRuns {
    public static final String PLAN = JobSpec.CleanupPlan.TYPE;
    public static final String EXECUTE = JobSpec.CleanupExecute.TYPE;
    public static final String SCHEDULED = JobSpec.CleanupScheduled.TYPE;
    private final WatchedReportJob watched;
    private final ArrSettingsStore settings;
    private final ArrReader reader;
    private final CleanupExecutor executor;
    private final CleanupRecords records;
    private final Clock clock;

    public CleanupRuns(WatchedReportJob watched, ArrSettingsStore settings, ArrReader reader, CleanupExecutor executor,
            CleanupRecords records, Clock clock) {
        this.watched = watched;
        this.settings = settings;
        this.reader = reader;
        this.executor = executor;
        this.records = records;
        this.clock = clock;
    }

    /** Sweeps Jellyfin, reads the *arr and plans for {@code today}; the plan is stored. */
    public CleanupPlan makePlan(LocalDate today) {
        WatchedReport report = watched.compute(s -> s, today);
        var instances = settings.instances();
        if (instances.isEmpty()) {
            throw new InvalidInputException("No Radarr or Sonarr instance is configured (RADARR_URL, SONARR_URL, CONFIG_FILE or the cleanup page).");
        }
        CleanupPlan plan = CleanupPlanner.plan(report, reader.read(instances, report), records.excludedIds(), settings.actions(), clock.instant());
        records.savePlan(plan);
        return plan;
    }

    /** Executes a plan; refused while CLEANUP_EXECUTE is off. */
    public CleanupExecutor.Outcome execute(CleanupPlan plan, String startedBy) {
        CleanupActions actions = settings.actions();
        if (!actions.execute()) {
            throw new InvalidInputException("CLEANUP_EXECUTE is off, so plans are only made; switch it on to delete.");
        }
        return executor.execute(plan, settings.instances(), actions, java.util.UUID.randomUUID().toString(), startedBy);
    }

    /** The job {@link JobSpec.CleanupPlan}: a plan for today, stored. */
    public String runPlan(ZoneId zone) {
        return summary(makePlan(LocalDate.now(clock.withZone(zone))));
    }

    /** The job {@link JobSpec.CleanupExecute}: executes the latest plan. */
    public String runExecute(JobSpec.CleanupExecute spec) {
        return execute(records.latestPlan().orElseThrow(() ->
                new InvalidInputException("There is no plan to execute; make one first.")), spec.startedBy()).toString();
    }

    /** The job {@link JobSpec.CleanupScheduled}: plans, and executes when CLEANUP_EXECUTE is on. */
    public String runScheduled(ZoneId zone) {
        CleanupPlan plan = makePlan(LocalDate.now(clock.withZone(zone)));
        return settings.actions().execute() ? execute(plan, "schedule").toString() : summary(plan) + " (dry run: CLEANUP_EXECUTE is off)";
    }

    public boolean configured() {
        return watched.configured() && !settings.instances().isEmpty();
    }

    static String summary(CleanupPlan plan) {
        return plan.withAction(PlanEntry.DELETE_MOVIE).size() + " movies and " + plan.withAction(PlanEntry.DELETE_EPISODE_FILES).size()
                + " seasons to delete (" + plan.bytesByInstance().values().stream().mapToLong(Long::longValue).sum() + " bytes); "
                + plan.withAction(PlanEntry.KEEP).size() + " kept, " + plan.withAction(PlanEntry.UNMATCHED).size() + " unmatched.";
    }
}
