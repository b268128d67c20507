package app.pathary.cleanup.apply;

import app.pathary.common.Plural;
import app.pathary.arr.ArrException;
import app.pathary.arr.ArrInstance;
import app.pathary.arr.RootFolder;
import app.pathary.arr.radarr.RadarrClient;
import app.pathary.arr.sonarr.SonarrClient;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.instances.CleanupLimits;
import app.pathary.cleanup.plan.ArrSnapshot;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.DiskFigures;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.common.InvalidInputException;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.watched.WatchedNow;
import app.pathary.watched.WatchedReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a plan's deletions. Before the first one it reads every instance again (libraries, tags, root folders): an
 * unreachable root folder or an instance that now answers with an empty library (unless an earlier run of this plan
 * emptied it) stops the run before anything is touched. Right before each deletion {@link FreshCheck} reads again what decided it and runs the same planner on it;
 * only an entry the fresh plan still deletes, exactly as planned, is applied. A 404 means already gone (done); a 409
 * (the root folder is missing, e.g. an unmounted disk) stops the run; so do a failed read of Jellyfin and an *arr that
 * gives no usable answer even after the client's retries (down, starting, 5xx, not its JSON). Every action is written to
 * the audit log.
 */
public final class CleanupExecutor {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final RadarrClient radarr;
    private final SonarrClient sonarr;
    private final CleanupStores records;
    private final ArrReader reader;
    private final FreshCheck check;
    private final SeerrLink seerr;
    private final DiskReader disks;

    public CleanupExecutor(RadarrClient radarr, SonarrClient sonarr, CleanupStores records) {
        this(radarr, sonarr, records, SeerrLink.off());
    }

    public CleanupExecutor(RadarrClient radarr, SonarrClient sonarr, CleanupStores records, SeerrLink seerr) {
        this.radarr = radarr;
        this.sonarr = sonarr;
        this.records = records;
        this.seerr = seerr;
        this.reader = new ArrReader(radarr, sonarr);
        this.check = new FreshCheck(radarr, sonarr, seerr);
        this.disks = new DiskReader(radarr, sonarr);
    }

    SeerrLink seerr() {
        return seerr;
    }

    DiskReader disks() {
        return disks;
    }

    /**
     * One execution: where the instances are, what to do, Jellyfin now, the limits and whether an admin overrode them
     * for this plan, who started it, and the clock.
     */
    public record Run(List<ArrInstanceConfig> instances, CleanupActions actions, WatchedNow watched, CleanupLimits limits,
            boolean overrideLimits, String startedBy, ZoneId zone, Instant now) {
    }

    /**
     * What a run did. {@code stoppedBecause} is set when something stopped it; {@code byInstance}: what was deleted
     * from each instance.
     */
    public record Outcome(int deleted, int alreadyGone, int skipped, int failed, long bytes, String stoppedBecause,
            Map<String, InstanceTally> byInstance, List<String> diskNotes, Map<String, Long> bytesByDisk) {
        public Outcome {
            byInstance = Map.copyOf(byInstance);
            diskNotes = diskNotes == null ? List.of() : List.copyOf(diskNotes);
            bytesByDisk = bytesByDisk == null ? Map.of() : Map.copyOf(bytesByDisk);
        }

        public Outcome(int deleted, int alreadyGone, int skipped, int failed, long bytes, String stoppedBecause, Map<String, InstanceTally> byInstance) {
            this(deleted, alreadyGone, skipped, failed, bytes, stoppedBecause, byInstance, List.of(), Map.of());
        }

        public Outcome(int deleted, int alreadyGone, int skipped, int failed, long bytes, String stoppedBecause) {
            this(deleted, alreadyGone, skipped, failed, bytes, stoppedBecause, Map.of());
        }

        Outcome with(Map<String, InstanceTally> tallies) {
            return new Outcome(deleted, alreadyGone, skipped, failed, bytes, stoppedBecause, tallies, diskNotes, bytesByDisk);
        }

        Outcome withDisks(List<String> notes, Map<String, Long> byDisk) {
            return new Outcome(deleted, alreadyGone, skipped, failed, bytes, stoppedBecause, byInstance, notes, byDisk);
        }

        @Override
        public String toString() {
            return "Deleted " + deleted + " (" + String.format(java.util.Locale.ROOT, "%.2f GB", bytes / 1e9) + "), " + alreadyGone + " already gone, " + skipped + " skipped, "
                    + failed + " failed" + (stoppedBecause == null ? "." : "; STOPPED: " + stoppedBecause)
                    + (diskNotes.isEmpty() ? "" : " Disk pressure: " + String.join("; ", diskNotes) + ".");
        }
    }

    /** Items deleted from one instance and the bytes they held. */
    public record InstanceTally(int items, long bytes) {
    }

    private enum Result { DELETED, GONE, SKIPPED }

    private record Applied(Result result, String text) {
    }

    public Outcome execute(CleanupPlan plan, Run run) {
        String runId = java.util.UUID.randomUUID().toString();
        // deletions already due go first; the ones disk pressure chose follow in its order, and stop at the target
        List<PlanEntry> deleting = java.util.stream.Stream.concat(plan.entries().stream().filter(e -> e.deletes() && e.disk() == null),
                plan.entries().stream().filter(e -> e.deletes() && e.disk() != null)).toList();
        if (deleting.isEmpty()) {
            return new Outcome(0, 0, 0, 0, 0, null);
        }
        if (!plan.stops().isEmpty() && !run.overrideLimits()) {
            String why = String.join(" ", plan.stops()) + " Nothing was deleted; an admin can confirm an override for this plan.";
            records.audit().audit(plan.id(), runId, run.startedBy(), deleting.getFirst(), "stopped: " + why);
            return new Outcome(0, 0, 0, 0, 0, why);
        }
        Map<String, ArrInstanceConfig> byName = run.instances().stream().collect(Collectors.toMap(ArrInstanceConfig::name, Function.identity()));
        ArrSnapshot base;
        try {
            base = reader.read(run.instances(), new WatchedReport(run.now(), LocalDate.ofInstant(run.now(), run.zone()), "", List.of()));
            String unsafe = unsafeToStart(plan.id(), deleting, byName, base);
            if (unsafe != null) {
                records.audit().audit(plan.id(), runId, run.startedBy(), deleting.getFirst(), "stopped: " + unsafe);
                return new Outcome(0, 0, 0, 0, 0, unsafe);
            }
        } catch (InvalidInputException | app.pathary.common.RemoteReadException | ArrException e) {
            String why = (e instanceof ArrException arr ? arr.userMessage() + "." : e.getMessage()) + " The run stopped; nothing was touched.";
            records.audit().audit(plan.id(), runId, run.startedBy(), deleting.getFirst(), "stopped: " + why);
            return new Outcome(0, 0, 0, 0, 0, why);
        }
        if (run.overrideLimits() && !plan.stops().isEmpty()) {
            records.audit().audit(plan.id(), runId, run.startedBy(), deleting.getFirst(), "limits overridden by " + run.startedBy() + ": "
                    + String.join(" ", plan.stops()));
        }
        DiskWatch watch = new DiskWatch(disks, run.instances(), plan.disks());
        Map<String, Long> byDisk = new java.util.TreeMap<>();
        Outcome outcome = run(plan, run, runId, deleting, byName, base, watch, byDisk);
        return outcome.withDisks(watch.notes(), byDisk);
    }

    private Outcome run(CleanupPlan plan, Run run, String runId, List<PlanEntry> deleting, Map<String, ArrInstanceConfig> byName, ArrSnapshot base,
            DiskWatch watch, Map<String, Long> byDisk) {
        int deleted = 0;
        int gone = 0;
        int skipped = 0;
        int failed = 0;
        long bytes = 0;
        Map<String, InstanceTally> tallies = new java.util.TreeMap<>();
        DiskFigures.Placed placed = plan.disks().isEmpty() ? DiskFigures.place(List.of()) : disks.read(run.instances());
        for (PlanEntry entry : deleting) {
            if (watch.before(entry) != null) {
                continue;
            }
            if (!run.overrideLimits() && deleted >= run.limits().maxDeletions()) {
                String why = "The run reached " + CleanupLimits.MAX_DELETIONS + " (" + run.limits().maxDeletions() + " deletions) and stopped.";
                records.audit().audit(plan.id(), runId, run.startedBy(), entry, "stopped: " + why);
                return new Outcome(deleted, gone, skipped, failed, bytes, why).with(tallies);
            }
            ArrInstanceConfig config = byName.get(entry.instance());
            if (config == null) {
                records.audit().audit(plan.id(), runId, run.startedBy(), entry, "skipped: the instance " + entry.instance() + " is no longer configured");
                skipped++;
                continue;
            }
            Audited audited = new Audited(plan.id(), runId, run.startedBy(), entry, records.audit().pending(plan.id(), entry).orElse(null));
            try {
                var inputs = new FreshCheck.Inputs(base, run.watched(), records.keepReasons(run.zone()), run.actions(), run.now());
                FreshCheck.Decision decision = check.check(entry, config, inputs);
                Applied outcome = audited.crashed() != null && decision.gone()
                        ? new Applied(Result.DELETED, "deleted (Pathary stopped during the call; the item was gone when the plan was resumed)")
                        : apply(decision, config, run, audited);
                String seerrWords = outcome.result() == Result.DELETED && decision.fresh() != null
                        ? seerr.afterDelete(decision.titles(), decision.fresh()) : "";
                audited.finish(outcome.text() + seerrWords);
                if (outcome.result() != Result.SKIPPED) {
                    records.leaving().deleted(entry, outcome.text());
                }
                switch (outcome.result()) {
                    case DELETED -> {
                        deleted++;
                        watch.deleted(entry);
                        placed.diskOf(entry.instance(), entry.path()).ifPresent(d -> byDisk.merge(d, entry.bytes(), Long::sum));
                        bytes += entry.bytes();
                        tallies.merge(entry.instance(), new InstanceTally(1, entry.bytes()),
                                (a, b) -> new InstanceTally(a.items() + b.items(), a.bytes() + b.bytes()));
                    }
                    case GONE -> gone++;
                    case SKIPPED -> skipped++;
                }
            } catch (ArrException.Conflict e) {
                String why = config.kind().appName() + " " + config.name() + " refused to delete (" + e.userMessage()
                        + "); is a disk unmounted? The run stopped; nothing after this item was touched.";
                audited.finish("stopped: " + why);
                return finished(plan, new Outcome(deleted, gone, skipped, failed + 1, bytes, why).with(tallies));
            } catch (app.pathary.seerr.SeerrException e) {
                String why = "Seerr could not be read to check " + entry.title() + " again (" + e.userMessage()
                        + "). The run stopped; nothing after this item was touched.";
                audited.finish("stopped: " + why);
                return finished(plan, new Outcome(deleted, gone, skipped, failed, bytes, why).with(tallies));
            } catch (JellyfinException | InvalidInputException | app.pathary.common.RemoteReadException e) {
                String why = "Jellyfin could not be read to check " + entry.title() + " again ("
                        + (e instanceof JellyfinException jellyfin ? jellyfin.userMessage() : e.getMessage())
                        + "). The run stopped; nothing after this item was touched.";
                audited.finish("stopped: " + why);
                return finished(plan, new Outcome(deleted, gone, skipped, failed, bytes, why).with(tallies));
            } catch (ArrException e) {
                if (unusable(e)) {
                    String why = config.kind().appName() + " " + config.name() + " cannot be used (" + e.userMessage()
                            + "); the run stopped; nothing after this item was touched.";
                    audited.finish("stopped: " + why);
                    return finished(plan, new Outcome(deleted, gone, skipped, failed + 1, bytes, why).with(tallies));
                }
                audited.finish("failed: " + e.userMessage());
                failed++;
            }
        }
        return finished(plan, new Outcome(deleted, gone, skipped, failed, bytes, null).with(tallies));
    }

    /**
     * One entry's audit row: the intent an earlier, crashed run left ({@code crashed}, completed by this run) and the
     * intent this run writes right before its call to Radarr or Sonarr; {@link #finish} writes the outcome into it.
     */
    private final class Audited {
        private final Long planId;
        private final String runId;
        private final String startedBy;
        private final PlanEntry entry;
        private final Long crashed;
        private Long intent;

        Audited(Long planId, String runId, String startedBy, PlanEntry entry, Long crashed) {
            this.planId = planId;
            this.runId = runId;
            this.startedBy = startedBy;
            this.entry = entry;
            this.crashed = crashed;
        }

        Long crashed() {
            return crashed;
        }

        /** Right before the call: the intent is committed, so a crash during the call leaves it behind. */
        void beforeCall() {
            if (crashed != null) {
                records.audit().complete(crashed, "not done: Pathary stopped before the call went through; run " + runId + " made it again");
            }
            intent = records.audit().intent(planId, runId, startedBy, entry);
        }

        void finish(String result) {
            if (intent != null) {
                records.audit().complete(intent, result);
            } else if (crashed != null) {
                records.audit().complete(crashed, result.startsWith("deleted") ? result
                        : "not done: Pathary stopped during this action; when the plan was resumed: " + result);
            } else {
                records.audit().audit(planId, runId, startedBy, entry, result);
            }
        }
    }

    /** Intents of earlier, crashed runs of this plan that this run did not reach stay visible, marked as unknown. */
    private Outcome finished(CleanupPlan plan, Outcome outcome) {
        records.audit().completeLeftovers(plan.id(), "unknown: Pathary stopped during this action, and the run that resumed "
                + "the plan did not reach the item again; look at it in Radarr or Sonarr");
        return outcome;
    }

    /**
     * Why the run must not start: an instance holding planned deletions that answers with an empty library, or cannot
     * reach one of its root folders (an unmounted disk). Null when it may start.
     */
    private String unsafeToStart(Long planId, List<PlanEntry> deleting, Map<String, ArrInstanceConfig> byName, ArrSnapshot base) {
        Map<String, Long> planned = deleting.stream().collect(Collectors.groupingBy(PlanEntry::instance, Collectors.counting()));
        for (Map.Entry<String, Long> instance : planned.entrySet()) {
            ArrInstanceConfig config = byName.get(instance.getKey());
            if (config == null) {
                continue;
            }
            int items = config.kind() == ArrKind.RADARR
                    ? base.radarr().stream().filter(v -> v.config().name().equals(config.name())).mapToInt(v -> v.movies().size()).sum()
                    : base.sonarr().stream().filter(v -> v.config().name().equals(config.name())).mapToInt(v -> v.series().size()).sum();
            if (items == 0 && records.audit().deletedBefore(planId, config.name()) == 0) {
                return config.kind().appName() + " " + config.name() + " answered with an empty library, but the plan deletes "
                        + Plural.of(instance.getValue(), "item") + " from it; is a disk unmounted or the wrong server configured? The run stopped; nothing was touched.";
            }
            ArrInstance arr = config.instance();
            List<RootFolder> roots = config.kind() == ArrKind.RADARR ? radarr.rootFolders(arr) : sonarr.rootFolders(arr);
            for (RootFolder root : roots) {
                if (!root.accessible()) {
                    return config.kind().appName() + " " + config.name() + " cannot reach its root folder " + root.path()
                            + "; is a disk unmounted? The run stopped; nothing was touched.";
                }
            }
        }
        return null;
    }

    /** No usable answer even after the client's retries: down, starting, failing (5xx) or not the *arr's JSON. */
    private static boolean unusable(ArrException e) {
        return e instanceof ArrException.Unreachable || e instanceof ArrException.StartingUp || e instanceof ArrException.NotArr
                || e instanceof ArrException.UnexpectedStatus status && status.status() >= 500;
    }

    private Applied apply(FreshCheck.Decision decision, ArrInstanceConfig config, Run run, Audited audited) {
        if (decision.gone()) {
            return new Applied(Result.GONE, decision.text());
        }
        if (decision.fresh() == null) {
            String text = decision.text().replaceFirst("^skipped", "skipped at " + TIME.format(run.now().atZone(run.zone())));
            return new Applied(Result.SKIPPED, text);
        }
        PlanEntry entry = decision.fresh();
        audited.beforeCall();
        return entry.action().equals(PlanEntry.DELETE_MOVIE) ? movie(config.instance(), entry, run.actions()) : episodes(config.instance(), entry);
    }

    private Applied movie(ArrInstance instance, PlanEntry entry, CleanupActions actions) {
        if (actions.movieAction() == CleanupActions.MovieAction.DELETE_FILE_AND_UNMONITOR) {
            if (!radarr.deleteMovieFile(instance, entry.movieFileId())) {
                return new Applied(Result.GONE, "done: the file was already gone");
            }
            radarr.setMonitored(instance, entry.arrId(), false);
            return new Applied(Result.DELETED, "deleted the file and unmonitored the movie");
        }
        if (!radarr.deleteMovie(instance, entry.arrId(), true, actions.importExclusion())) {
            return new Applied(Result.GONE, "done: already gone");
        }
        return new Applied(Result.DELETED, "deleted the movie and its files" + (actions.importExclusion() ? ", with an import exclusion" : ""));
    }

    private Applied episodes(ArrInstance instance, PlanEntry entry) {
        int removed = 0;
        for (int fileId : entry.episodeFileIds()) {
            if (sonarr.deleteEpisodeFile(instance, fileId)) {
                removed++;
            }
        }
        sonarr.monitorEpisodes(instance, entry.episodeIds(), false);
        String text = "deleted " + Plural.of(removed, "episode file") + " and unmonitored " + Plural.of(entry.episodeIds().size(), "episode");
        if (Boolean.TRUE.equals(entry.deleteSeries()) && sonarr.episodeFiles(instance, entry.arrId()).isEmpty()) {
            sonarr.deleteSeries(instance, entry.arrId(), true, false);
            text += "; deleted the ended series";
        }
        return new Applied(removed > 0 ? Result.DELETED : Result.GONE, text);
    }
}
