package app.pathary.cleanup.apply;

import app.pathary.common.Plural;
import app.pathary.cleanup.instances.ArrSettingsStore;
import app.pathary.cleanup.instances.CleanupLimits;
import app.pathary.cleanup.plan.ArrSnapshot;
import app.pathary.cleanup.plan.BlastRadius;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.DiskFigures;
import app.pathary.cleanup.plan.DiskRules;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.common.ConflictException;
import app.pathary.common.InvalidInputException;
import app.pathary.job.JobFailure;
import app.pathary.job.JobSpec;
import app.pathary.watched.WatchedNow;
import app.pathary.watched.WatchedReport;
import app.pathary.watched.WatchedReportJob;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Making and executing plans, as durable jobs, from the pages and API, or from the CLI. A plan is made from a fresh
 * sweep of Jellyfin and fresh reads of the *arr and stored with an id. Executing names that id: it is refused while
 * CLEANUP_EXECUTE is off, when the plan is not the latest, older than CLEANUP_PLAN_MAX_AGE_HOURS, already executed, or
 * not the one confirmed (digest); each entry is then checked again against live state before it is applied.
 */
public final class CleanupRuns {
    public static final String PLAN = JobSpec.CleanupPlan.TYPE;
    public static final String EXECUTE = JobSpec.CleanupExecute.TYPE;
    public static final String SCHEDULED = JobSpec.CleanupScheduled.TYPE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final WatchedReportJob watched;
    private final ArrSettingsStore settings;
    private final ArrReader reader;
    private final CleanupExecutor executor;
    private final CleanupStores records;
    private final Clock clock;
    private final CleanupLimits limits;
    private final ZoneId zone;
    private final CleanupMetrics metrics;
    private final java.util.function.Supplier<String> collections;
    private final java.util.function.Supplier<DiskRules> diskRules;
    private final java.util.List<RunListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Where the runs keep time (the clock, the configured zone), the limits, where plans and deletions are counted, and
     * what follows every plan and execution (the Jellyfin "Leaving soon" collections; it answers with its sentence).
     */
    public record Setting(Clock clock, ZoneId zone, CleanupLimits limits, CleanupMetrics metrics, java.util.function.Supplier<String> collections,
            java.util.function.Supplier<DiskRules> disks) {
        public Setting(Clock clock, ZoneId zone, CleanupLimits limits, CleanupMetrics metrics) {
            this(clock, zone, limits, metrics, () -> "", DiskRules::none);
        }

        public Setting(Clock clock, ZoneId zone, CleanupLimits limits, CleanupMetrics metrics, java.util.function.Supplier<String> collections) {
            this(clock, zone, limits, metrics, collections, DiskRules::none);
        }
    }

    public CleanupRuns(WatchedReportJob watched, ArrSettingsStore settings, ArrReader reader, CleanupExecutor executor,
            CleanupStores records, Setting setting) {
        this.watched = watched;
        this.settings = settings;
        this.reader = reader;
        this.executor = executor;
        this.records = records;
        this.clock = setting.clock();
        this.zone = setting.zone();
        this.limits = setting.limits();
        this.metrics = setting.metrics();
        this.collections = setting.collections();
        this.diskRules = setting.disks();
    }

    /** Told when an execution ends and when a run fails (notifications); a listener's failure never changes a run. */
    public void addRunListener(RunListener listener) {
        listeners.add(listener);
    }

    private void tell(java.util.function.Consumer<RunListener> event) {
        for (RunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(CleanupRuns.class).warn("A cleanup run listener failed: {}", e.toString());
            }
        }
    }

    public CleanupLimits limits() {
        return limits;
    }

    /** Sweeps Jellyfin, reads the *arr and plans for {@code today}; the plan is stored and returned with its id. */
    public CleanupPlan makePlan(LocalDate today) {
        long started = System.nanoTime();
        boolean made = false;
        try {
            CleanupPlan plan = plan(today);
            made = true;
            return plan;
        } finally {
            metrics.planned(System.nanoTime() - started, made);
        }
    }

    private CleanupPlan plan(LocalDate today) {
        WatchedReport report = watched.compute(s -> s, today);
        var instances = settings.instances();
        if (instances.isEmpty()) {
            throw new InvalidInputException("No Radarr or Sonarr instance is configured (RADARR_URL, SONARR_URL, CONFIG_FILE or the cleanup page).");
        }
        DiskPlanning.Made made = DiskPlanning.plan(new DiskPlanning.Inputs(report, r -> reader.read(instances, r), () -> {
            java.util.Map<String, String> keeps = new java.util.HashMap<>(seerrKeeps(report));
            keeps.putAll(records.keepReasons(zone));
            return keeps;
        }, settings.actions(),
                clock.instant(), () -> executor.disks().read(instances), diskRules.get()), records.leaving());
        CleanupPlan plan = made.plan();
        ArrSnapshot arr = made.arr();
        plan = plan.withStops(BlastRadius.stops(plan, arr, records.plans().latestPlan(), limits));
        CleanupPlan saved = records.plans().savePlan(plan);
        records.disks().record(saved.disks(), java.util.Map.of(), "plan");
        metrics.disks(saved.disks());
        return saved;
    }


    /** The Jellyfin collections follow the schedule; the sentence says what came of it ("" when they are not used). */
    private String collections() {
        String said = collections.get();
        return said.isEmpty() ? "" : " " + said;
    }

    /** Items recent Seerr requests keep; a failed read of Seerr makes no plan (never "nothing requested"). */
    private java.util.Map<String, String> seerrKeeps(WatchedReport report) {
        try {
            return executor.seerr().keeps(report, clock.instant());
        } catch (app.pathary.seerr.SeerrException e) {
            throw new app.pathary.common.RemoteReadException("Seerr could not be read (" + e.userMessage() + "); no plan was made.", e);
        }
    }

    /**
     * Checks that plan {@code planId} may be executed now and returns it; otherwise throws with the sentence that says
     * why. {@code digest}, when given, must be the digest of the plan the admin confirmed.
     */
    public CleanupPlan executable(long planId, String digest) {
        if (!settings.actions().execute()) {
            throw new ConflictException("CLEANUP_EXECUTE is off, so plans are only made; switch it on to delete.");
        }
        CleanupPlans.StoredPlan stored = records.plans().plan(planId).orElseThrow(() -> new InvalidInputException(
                "There is no plan " + planId + " (only the latest " + CleanupPlans.PLANS_KEPT + " are kept); make a new plan."));
        CleanupPlan plan = stored.plan();
        if (stored.executed()) {
            throw new ConflictException("Plan " + planId + " was already executed on " + minute(stored.executedAt()) + " by "
                    + stored.executedBy() + "; make a new plan.");
        }
        Optional<CleanupPlan> latest = records.plans().latestPlan();
        if (latest.isPresent() && latest.get().id() != planId) {
            throw new ConflictException("Plan " + planId + " was superseded by plan " + latest.get().id() + ", made on "
                    + minute(latest.get().createdAt()) + "; look at the new plan and confirm it.");
        }
        Duration age = Duration.between(plan.createdAt(), clock.instant());
        if (age.compareTo(limits.planMaxAge()) > 0) {
            throw new ConflictException("Plan " + planId + " was made on " + minute(plan.createdAt()) + ", more than "
                    + limits.planMaxAge().toHours() + " hours ago (" + CleanupLimits.MAX_AGE + "); make a new plan.");
        }
        if (digest != null && !digest.equals(plan.digest())) {
            throw new ConflictException("Plan " + planId + " is not the plan that was confirmed (its deletions differ); look at it again.");
        }
        return plan;
    }

    /**
     * Executes plan {@code planId} (checked by {@link #executable}); each entry is checked again against live state right
     * before it is applied. The plan is then marked executed and cannot run again, unless the run stopped before touching
     * anything (limits, an unreachable root folder, an empty library): then it may be executed once the cause is gone.
     */
    public CleanupExecutor.Outcome execute(long planId, String startedBy, boolean overrideLimits) {
        CleanupPlan plan = executable(planId, null);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        WatchedNow now;
        try {
            now = watched.now(today);
        } catch (app.pathary.jellyfin.client.JellyfinException e) {
            throw new InvalidInputException("Jellyfin could not be read to check plan " + planId + " again (" + e.userMessage()
                    + "); nothing was deleted.");
        }
        CleanupExecutor.Outcome outcome = executor.execute(plan, new CleanupExecutor.Run(settings.instances(), settings.actions(), now, limits,
                overrideLimits, startedBy, zone, clock.instant()));
        metrics.executed(outcome);
        recordDisks(outcome);
        tell(listener -> listener.executed(planId, startedBy, outcome));
        boolean untouched = outcome.stoppedBecause() != null
                && outcome.deleted() + outcome.alreadyGone() + outcome.skipped() + outcome.failed() == 0;
        if (!untouched) {
            records.plans().markExecuted(planId, startedBy, outcome.toString());
        }
        return outcome;
    }

    /** A free-space sample per disk after an execution, with the bytes it deleted there; a failed read is stored as unknown. */
    private void recordDisks(CleanupExecutor.Outcome outcome) {
        if (outcome.deleted() == 0 && outcome.bytesByDisk().isEmpty()) {
            return;
        }
        try {
            var disks = app.pathary.cleanup.plan.DiskPressure.judged(executor.disks().read(settings.instances()).disks(), diskRules.get());
            records.disks().record(disks, outcome.bytesByDisk(), "run");
            metrics.disks(disks);
            metrics.reclaimed(outcome.bytesByDisk());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CleanupRuns.class).warn("Free space after a cleanup run could not be stored: {}", e.toString());
        }
    }

    /** The job {@link JobSpec.CleanupPlan}: a plan for today, stored. */
    public String runPlan() {
        return summary(makePlan(LocalDate.now(clock.withZone(zone)))) + collections();
    }

    /**
     * The job {@link JobSpec.CleanupExecute}: executes the plan it names. A refusal (superseded, too old, executed,
     * CLEANUP_EXECUTE off) fails the job at once with its sentence; retrying cannot change it.
     */
    public String runExecute(JobSpec.CleanupExecute spec) {
        if (spec.planId() <= 0) {
            throw new JobFailure("The job names no plan; make a new plan and execute it from the cleanup page.");
        }
        try {
            return execute(spec.planId(), spec.startedBy(), spec.overrideLimits()).toString() + collections();
        } catch (InvalidInputException e) {
            tell(listener -> listener.failed(e.getMessage()));
            throw new JobFailure(e.getMessage());
        } catch (RuntimeException e) {
            tell(listener -> listener.failed(e.getMessage()));
            throw e;
        }
    }

    /** The job {@link JobSpec.CleanupScheduled}: plans, and executes that plan when CLEANUP_EXECUTE is on (never past the limits). */
    public String runScheduled() {
        try {
            CleanupPlan plan = makePlan(LocalDate.now(clock.withZone(zone)));
            return (settings.actions().execute() ? execute(plan.id(), "schedule", false).toString()
                    : summary(plan) + " (dry run: CLEANUP_EXECUTE is off)") + collections();
        } catch (RuntimeException e) {
            tell(listener -> listener.failed(e.getMessage()));
            throw e;
        }
    }

    public boolean configured() {
        return watched.configured() && !settings.instances().isEmpty();
    }

    static String summary(CleanupPlan plan) {
        return "Plan " + plan.id() + ": " + Plural.of(plan.withAction(PlanEntry.DELETE_MOVIE).size(), "movie") + " and "
                + Plural.of(plan.withAction(PlanEntry.DELETE_EPISODE_FILES).size(), "season") + " to delete ("
                + String.format(java.util.Locale.ROOT, "%.2f GB", plan.bytesByInstance().values().stream().mapToLong(Long::longValue).sum() / 1e9) + "); "
                + plan.withAction(PlanEntry.KEEP).size() + " kept, " + plan.withAction(PlanEntry.UNMATCHED).size() + " unmatched."
                + (plan.stops().isEmpty() ? "" : " Needs an override: " + String.join(" ", plan.stops()));
    }

    private String minute(java.time.Instant at) {
        return MINUTE.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
