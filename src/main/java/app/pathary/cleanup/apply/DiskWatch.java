package app.pathary.cleanup.apply;

import app.pathary.arr.ArrException;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.plan.DiskFigures;
import app.pathary.cleanup.plan.DiskState;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.config.DiskLimit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * During one execution, the deletions disk pressure chose: before the first on a disk and every {@link #EVERY}
 * deletions, free space is read again; once the disk reaches its target, the rest of them are not needed. An instance
 * with a recycle bin frees nothing (deleted files only move), and free space that does not rise after several
 * deletions tells the same: both stop the disk's deletions with a warning in the run's result. Deletions already due
 * without disk pressure are never held back.
 */
final class DiskWatch {
    static final int EVERY = 3;
    private final DiskReader reader;
    private final List<ArrInstanceConfig> instances;
    private final Map<String, DiskState> planned = new HashMap<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private static final class Tally {
        Long freeAtStart;
        int deletions;
        int sinceRead;
        int reads;
        int notNeeded;
        String stopped;
        boolean done;
    }

    DiskWatch(DiskReader reader, List<ArrInstanceConfig> instances, List<DiskState> disks) {
        this.reader = reader;
        this.instances = instances;
        disks.forEach(disk -> planned.put(disk.name(), disk));
    }

    /** Null when the entry may go ahead; otherwise it is not applied (the target was reached, or the disk's deletions stopped). */
    String before(PlanEntry entry) {
        if (entry.disk() == null) {
            return null;
        }
        Tally tally = tallies.computeIfAbsent(entry.disk(), d -> new Tally());
        if (tally.done || tally.stopped != null) {
            tally.notNeeded++;
            return tally.stopped != null ? tally.stopped : "not needed";
        }
        if (tally.reads == 0) {
            String bin = recycleBin(entry.disk());
            if (bin != null) {
                return stop(tally, bin);
            }
        }
        if (tally.reads == 0 || tally.sinceRead >= EVERY) {
            DiskState target = planned.get(entry.disk());
            Optional<DiskState> now = fresh(entry.disk());
            tally.reads++;
            tally.sinceRead = 0;
            if (target == null || target.targetFree() == null || now.isEmpty() || now.get().freeBytes() == null) {
                return stop(tally, "the free space of disk " + entry.disk() + " could not be read again, so the disk-pressure deletions on it stopped");
            }
            long free = now.get().freeBytes();
            if (tally.freeAtStart == null) {
                tally.freeAtStart = free;
            } else if (tally.deletions >= 2 * EVERY && free <= tally.freeAtStart) {
                return stop(tally, "the free space of disk " + entry.disk() + " did not rise after " + tally.deletions
                        + " deletions (a recycle bin, or files still held open?), so the disk-pressure deletions on it stopped");
            }
            if (free >= target.targetFree()) {
                tally.done = true;
                tally.notNeeded++;
                notes.add("disk " + entry.disk() + " reached its target (" + DiskLimit.Bytes.text(free) + " free, target "
                        + target.target() + ")");
                return "not needed";
            }
        }
        return null;
    }

    /** The entry was deleted. */
    void deleted(PlanEntry entry) {
        if (entry.disk() != null) {
            Tally tally = tallies.computeIfAbsent(entry.disk(), d -> new Tally());
            tally.deletions++;
            tally.sinceRead++;
        }
    }

    /** What the run's result says about disk pressure; empty when it chose nothing. */
    List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        tallies.forEach((disk, tally) -> {
            if (tally.notNeeded > 0 && tally.stopped == null) {
                all.add(tally.notNeeded + " disk-pressure deletion" + (tally.notNeeded == 1 ? " was" : "s were") + " not needed on " + disk);
            }
        });
        return all;
    }

    private String stop(Tally tally, String why) {
        tally.stopped = why;
        tally.notNeeded++;
        notes.add("WARNING: " + why);
        return why;
    }

    private Optional<DiskState> fresh(String disk) {
        DiskState before = planned.get(disk);
        DiskFigures.Placed placed = reader.read(instances);
        return placed.disks().stream().filter(d -> d.name().equals(disk)
                || before != null && d.rootFolders().stream().anyMatch(before.rootFolders()::contains)).findFirst();
    }

    /** The sentence when an instance holding a root folder of the disk keeps a recycle bin; null when none does. */
    private String recycleBin(String disk) {
        DiskState state = planned.get(disk);
        if (state == null) {
            return null;
        }
        for (ArrInstanceConfig config : instances) {
            if (state.rootFolders().stream().noneMatch(root -> root.startsWith(config.name() + " "))) {
                continue;
            }
            try {
                if (reader.mediaManagement(config).recycleBinEnabled()) {
                    return config.kind().appName() + " " + config.name() + " has a recycle bin: deleting moves files there and frees no space on disk "
                            + disk + " until it is emptied, so the disk-pressure deletions on it stopped";
                }
            } catch (ArrException e) {
                return config.kind().appName() + " " + config.name() + " could not be asked about its recycle bin (" + e.userMessage()
                        + "), so the disk-pressure deletions on disk " + disk + " stopped";
            }
        }
        return null;
    }
}
