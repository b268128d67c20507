package app.pathary.cleanup.plan;

import app.pathary.config.DiskLimit;
import app.pathary.config.DiskOptions;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Verdict;
import app.pathary.watched.WatchedReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pure: disk pressure on a scheduled plan. On a disk above its threshold, the deletions already due count first; then
 * items are made due now, in a strict order, until the projected free space reaches the target: watched by every
 * counted user (oldest last play first), then watched by the deciding users with their grace passed (announced as
 * leaving soon, so due now), then, only when allowed, watched items still in their grace (grace shortened). Only
 * deletions the planner already made (eligible, or waiting with the grace taken as passed) can be chosen, so unwatched
 * and protected items never are. Under the threshold, or with the free space unknown, nothing extra is chosen.
 */
public final class DiskPressure {
    private DiskPressure() {
    }

    /** The ranks of the order, first chosen first. */
    public enum Rank { WATCHED_BY_ALL, PAST_GRACE, IN_GRACE }

    /** One item disk pressure may choose: the deletion it would be, its rank and last play. */
    public record Candidate(PlanEntry deletion, Rank rank, LocalDate lastPlayed, PlanEntry replaces) {
    }

    /**
     * @param plan    the plan after the leaving-soon schedule (due deletions, leaving entries, keeps)
     * @param waiting the planner's deletions of waiting items with their grace taken as passed (empty unless allowed)
     */
    public static CleanupPlan apply(CleanupPlan plan, WatchedReport report, List<PlanEntry> waiting, DiskFigures.Placed placed, DiskRules rules) {
        List<PlanEntry> entries = new ArrayList<>(plan.entries());
        List<PlanEntry> chosenInOrder = new ArrayList<>();
        Set<PlanEntry> replaced = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<DiskState> disks = new ArrayList<>();
        List<Candidate> all = candidates(plan, report, rules.includeWaiting() ? waiting : List.of());
        for (DiskState disk : placed.disks()) {
            DiskState judged = judge(disk, rules);
            if (!judged.status().equals(DiskState.OVER) && !judged.status().equals(DiskState.OK)) {
                disks.add(judged);
                continue;
            }
            long projected = judged.freeBytes() + entries.stream().filter(e -> e.deletes() && onDisk(e, disk, placed)).mapToLong(PlanEntry::bytes).sum();
            long chosenBytes = 0;
            int chosen = 0;
            if (judged.status().equals(DiskState.OVER)) {
                for (Candidate candidate : order(all.stream().filter(c -> onDisk(c.deletion(), disk, placed)).toList())) {
                    if (projected >= judged.targetFree()) {
                        break;
                    }
                    projected += candidate.deletion().bytes();
                    chosenBytes += candidate.deletion().bytes();
                    chosen++;
                    replaced.add(candidate.replaces());
                    chosenInOrder.add(withoutLeavingLine(candidate.deletion()).chosenFor(disk.name(), action(candidate.deletion()), why(judged, candidate)));
                }
            }
            String note = judged.status().equals(DiskState.OK) ? "under the threshold: nothing extra is deleted"
                    : chosen == 0 && projected >= judged.targetFree() ? "over the threshold; the deletions already due reach the target"
                    : "over the threshold; disk pressure makes " + app.pathary.common.Plural.of(chosen, "item") + " due now ("
                    + DiskLimit.Bytes.text(chosenBytes) + ")" + (projected < judged.targetFree()
                    ? "; still short of the target by " + DiskLimit.Bytes.text(judged.targetFree() - projected) + ": nothing else may go" : "");
            disks.add(judged.projected(chosenBytes, projected, note));
        }
        List<PlanEntry> result = new ArrayList<>(entries.stream().filter(e -> !replaced.contains(e)).toList());
        result.addAll(chosenInOrder);
        return plan.withEntries(result, disks);
    }

    /** The strict order: rank, then oldest last play first, then title (so the order never depends on the library's). */
    public static List<Candidate> order(List<Candidate> candidates) {
        return candidates.stream().sorted(Comparator.comparing(Candidate::rank).thenComparing(Candidate::lastPlayed)
                .thenComparing(c -> c.deletion().title()).thenComparing(c -> String.valueOf(c.deletion().arrId()))).toList();
    }

    /** Every item disk pressure could choose: leaving-soon entries (eligible, announced) and, when given, waiting deletions. */
    public static List<Candidate> candidates(CleanupPlan plan, WatchedReport report, List<PlanEntry> waiting) {
        Map<String, ReportEntry> byId = new HashMap<>();
        for (ReportEntry entry : report.entries()) {
            byId.put(entry.jellyfinId(), entry);
            entry.episodes().forEach(episode -> byId.putIfAbsent(episode.jellyfinId(), entry));
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<String, PlanEntry> keptById = new LinkedHashMap<>();
        for (PlanEntry entry : plan.entries()) {
            if (entry.action().equals(PlanEntry.LEAVING)) {
                ReportEntry source = source(entry, byId);
                if (source != null && source.verdict() == Verdict.ELIGIBLE) {
                    Rank rank = Boolean.TRUE.equals(source.watchedByAll()) ? Rank.WATCHED_BY_ALL : Rank.PAST_GRACE;
                    candidates.add(new Candidate(entry, rank, lastPlayed(source), entry));
                }
            } else if (entry.action().equals(PlanEntry.KEEP)) {
                entry.jellyfinIds().forEach(id -> keptById.put(id, entry));
            }
        }
        Set<PlanEntry> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PlanEntry deletion : waiting) {
            ReportEntry source = source(deletion, byId);
            PlanEntry kept = deletion.jellyfinIds().stream().map(keptById::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (!deletion.deletes() || source == null || source.verdict() != Verdict.WAITING || kept == null || !taken.add(kept)
                    || !new HashSet<>(kept.jellyfinIds()).equals(new HashSet<>(deletion.jellyfinIds()))) {
                continue;
            }
            candidates.add(new Candidate(deletion, Rank.IN_GRACE, lastPlayed(source), kept));
        }
        return candidates;
    }

    /** The report with every waiting entry taken as eligible (its grace shortened), and nothing else: what the planner plans for rank three. */
    public static WatchedReport graceShortened(WatchedReport report) {
        WatchedReport all = withGraceShortened(report);
        return new WatchedReport(all.computedAt(), all.today(), all.policy(), all.entries().stream()
                .filter(e -> e.reasons().stream().anyMatch(r -> r.startsWith(GRACE_SHORTENED))).toList());
    }

    /** The report with waiting entries taken as eligible (grace shortened, said so); the others unchanged. */
    public static WatchedReport withGraceShortened(WatchedReport report) {
        List<ReportEntry> waiting = report.entries().stream().map(e -> e.verdict() != Verdict.WAITING ? e : new ReportEntry(e.kind(),
                e.jellyfinId(), e.name(), e.series(), e.season(), e.episode(), e.episodeNumber(), e.episodeEnd(), e.path(), e.tmdbId(), e.tvdbId(),
                Verdict.ELIGIBLE, shortened(e), e.lastPlayed(), e.eligibleOn(), e.episodes(), e.year(), e.watchedByAll())).toList();
        return new WatchedReport(report.computedAt(), report.today(), report.policy(), waiting);
    }

    /** The sentence a deletion whose grace disk pressure shortened carries; the executor's fresh check plans it the same way. */
    public static final String GRACE_SHORTENED = "grace shortened by disk pressure";

    private static List<String> shortened(ReportEntry entry) {
        List<String> reasons = new ArrayList<>(entry.reasons());
        reasons.add(GRACE_SHORTENED + " (it would have ended on " + entry.eligibleOn() + ")");
        return reasons;
    }

    private static ReportEntry source(PlanEntry entry, Map<String, ReportEntry> byId) {
        return entry.jellyfinIds().stream().map(byId::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static LocalDate lastPlayed(ReportEntry source) {
        return source.lastPlayed() == null ? LocalDate.MIN : source.lastPlayed();
    }

    private static boolean onDisk(PlanEntry entry, DiskState disk, DiskFigures.Placed placed) {
        return entry.instance() != null && placed.diskOf(entry.instance(), entry.path()).map(disk.name()::equals).orElse(false);
    }

    /** A leaving entry made due now loses its "leaving on D; not deleted before then" line (the disk's reason says it instead). */
    private static PlanEntry withoutLeavingLine(PlanEntry entry) {
        if (!entry.action().equals(PlanEntry.LEAVING)) {
            return entry;
        }
        return new PlanEntry(entry.action(), entry.instance(), entry.arrId(), entry.jellyfinIds(), entry.title(), entry.path(), entry.bytes(),
                entry.reasons().stream().filter(r -> !r.startsWith("leaving on ")).toList(), entry.movieAction(), entry.movieFileId(),
                entry.episodeFileIds(), entry.episodeIds(), entry.deleteSeries());
    }

    /** A leaving entry keeps its planned action in its details: a movie file id or movie action means a movie. */
    private static String action(PlanEntry entry) {
        if (entry.deletes()) {
            return entry.action();
        }
        return entry.movieAction() != null || entry.movieFileId() != null ? PlanEntry.DELETE_MOVIE : PlanEntry.DELETE_EPISODE_FILES;
    }

    private static List<String> why(DiskState disk, Candidate candidate) {
        List<String> why = new ArrayList<>();
        why.add(sentence(disk) + "; this frees " + DiskLimit.Bytes.text(candidate.deletion().bytes()));
        switch (candidate.rank()) {
            case WATCHED_BY_ALL, PAST_GRACE -> {
                String leaving = candidate.deletion().reasons().isEmpty() ? "" : candidate.deletion().reasons().getFirst();
                why.add("due now because of disk pressure" + (leaving.startsWith("leaving on ")
                        ? " (it was " + leaving.substring(0, leaving.indexOf(';') < 0 ? leaving.length() : leaving.indexOf(';')) + ")" : "")
                        + (candidate.rank() == Rank.WATCHED_BY_ALL ? "; watched by every counted user" : ""));
            }
            case IN_GRACE -> why.add("watched, still in its grace period: " + GRACE_SHORTENED);
        }
        return why;
    }

    /** "disk /movies is 93 % full (threshold 90 %, target 80 %)", or with free space for limits in bytes. */
    public static String sentence(DiskState disk) {
        Integer used = disk.usedPercent();
        String state = disk.threshold() != null && disk.threshold().endsWith("free") || used == null
                ? "has " + DiskLimit.Bytes.text(disk.freeBytes()) + " free" : "is " + used + " % full";
        return "disk " + disk.name() + " " + state + " (threshold " + disk.threshold() + ", target " + disk.target() + ")";
    }

    /** Every disk with its limits looked at, nothing chosen (figures read after a run). */
    public static List<DiskState> judged(List<DiskState> disks, DiskRules rules) {
        return disks.stream().map(disk -> judge(disk, rules)).toList();
    }

    /** The disk with its limits looked at: over the threshold, under it, unknown, or without a limit. */
    static DiskState judge(DiskState disk, DiskRules rules) {
        Optional<DiskOptions.RootRule> rule = rules.forDisk(disk.rootFolders(), disk.totalBytes());
        if (rule.isEmpty()) {
            return disk;
        }
        DiskLimit threshold = rule.get().threshold();
        DiskLimit target = rule.get().target();
        if (!disk.known()) {
            return disk.judged(threshold.describe(), target.describe(), null, null, DiskState.UNKNOWN,
                    disk.note() == null ? "free space unknown; nothing is deleted for disk space on it" : disk.note());
        }
        Long thresholdFree = threshold.freeBytesOn(disk.totalBytes());
        Long targetFree = target.freeBytesOn(disk.totalBytes());
        if (thresholdFree == null || targetFree == null) {
            return disk.judged(threshold.describe(), target.describe(), thresholdFree, targetFree, DiskState.UNKNOWN,
                    "a share in use needs the disk's size, which no instance gives for it (" + disk.figureFrom()
                            + "); give its root folder a limit in GB in CONFIG_FILE cleanup.disks");
        }
        boolean over = threshold.usedPercent() != null
                ? (disk.totalBytes() - disk.freeBytes()) * 100 >= (long) threshold.usedPercent() * disk.totalBytes()
                : disk.freeBytes() < thresholdFree;
        return disk.judged(threshold.describe(), target.describe(), thresholdFree, Math.max(targetFree, thresholdFree),
                over ? DiskState.OVER : DiskState.OK, null);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }
}
