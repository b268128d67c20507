package app.pathary.cleanup.plan;

import app.pathary.arr.DiskSpace;
import app.pathary.arr.RootFolder;
import app.pathary.cleanup.instances.PathMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure: the disks behind the root folders of every instance. A root folder is on the longest {@code /diskspace} path that
 * holds it, unless its own {@code freeSpace} tells another filesystem (a network mount, which Sonarr leaves out of
 * /diskspace): then the root folder's figure is used, without a size. Disks several instances report (same size, free
 * space within 1 % of it) count once. An instance that could not be read gives an unknown disk, never "0 free".
 */
public final class DiskFigures {
    private DiskFigures() {
    }

    /**
     * What one instance answered; {@code failure} is set (and the lists empty) when it could not be read.
     */
    public record Reading(String instance, List<DiskSpace> disks, List<RootFolder> rootFolders, String failure) {
        public Reading {
            disks = disks == null ? List.of() : List.copyOf(disks);
            rootFolders = rootFolders == null ? List.of() : List.copyOf(rootFolders);
        }
    }

    /** Where an instance's root folder lives: the disk's name in the result. */
    public record Placed(List<DiskState> disks, Map<String, String> diskOfRoot) {
        /** The disk holding {@code path} (in the instance's namespace) through its root folders; empty when none does. */
        public Optional<String> diskOf(String instance, String path) {
            String item = PathMapping.normalise(path);
            if (item == null) {
                return Optional.empty();
            }
            return diskOfRoot.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(instance + " ") && PathMapping.within(item, e.getKey().substring(instance.length() + 1)))
                    .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
        }
    }

    private static final class Building {
        final String name;
        final Long free;
        final Long total;
        final String from;
        final List<String> roots = new ArrayList<>();
        String unknown;

        Building(String name, Long free, Long total, String from) {
            this.name = name;
            this.free = free;
            this.total = total;
            this.from = from;
        }

        boolean same(Long otherFree, Long otherTotal) {
            if (free == null || otherFree == null) {
                return false;
            }
            if (total != null && otherTotal != null) {
                return total.equals(otherTotal) && Math.abs(free - otherFree) <= total / 100;
            }
            return total == null && otherTotal == null && Math.abs(free - otherFree) <= Math.max(free, otherFree) / 1000;
        }
    }

    public static Placed place(List<Reading> readings) {
        List<Building> disks = new ArrayList<>();
        Map<String, String> diskOfRoot = new LinkedHashMap<>();
        for (Reading reading : readings) {
            if (reading.failure() != null) {
                Building unknown = new Building(reading.instance() + " (not read)", null, null, "nothing: " + reading.instance() + " could not be read");
                unknown.unknown = "free space unknown: " + reading.failure() + "; nothing is deleted for disk space on it";
                disks.add(unknown);
                continue;
            }
            for (RootFolder root : reading.rootFolders()) {
                String path = PathMapping.normalise(root.path());
                Optional<DiskSpace> holder = reading.disks().stream().filter(d -> d.path() != null && d.totalSpace() > 0
                        && PathMapping.within(path, PathMapping.normalise(d.path()))).max(Comparator.comparingInt(d -> PathMapping.normalise(d.path()).length()));
                boolean otherFilesystem = holder.isPresent() && root.freeSpace() != null
                        && Math.abs(root.freeSpace() - holder.get().freeSpace()) > holder.get().totalSpace() / 100;
                Building disk;
                if (!root.accessible()) {
                    disk = new Building(name(disks, path, reading.instance()), null, null, "nothing: " + reading.instance() + " cannot reach its root folder " + path);
                    disk.unknown = "free space unknown: the root folder " + path + " is not reachable (an unmounted disk?)";
                    disks.add(disk);
                } else if (holder.isPresent() && !otherFilesystem) {
                    DiskSpace d = holder.get();
                    disk = find(disks, d.freeSpace(), d.totalSpace()).orElseGet(() -> add(disks, new Building(name(disks, PathMapping.normalise(d.path()), reading.instance()),
                            d.freeSpace(), d.totalSpace(), "/diskspace of " + reading.instance())));
                } else if (root.freeSpace() != null) {
                    String why = holder.isEmpty() ? "not in /diskspace" : "its free space differs from " + PathMapping.normalise(holder.get().path())
                            + " in /diskspace (another filesystem, such as a network mount)";
                    disk = find(disks, root.freeSpace(), null).orElseGet(() -> add(disks, new Building(name(disks, path, reading.instance()), root.freeSpace(), null,
                            "root folder " + path + " of " + reading.instance() + ": " + why + "; no size is known")));
                } else {
                    disk = new Building(name(disks, path, reading.instance()), null, null, "nothing: " + reading.instance() + " gives no free space for " + path);
                    disk.unknown = "free space unknown: " + reading.instance() + " reports neither a disk nor free space for the root folder " + path;
                    disks.add(disk);
                }
                disk.roots.add(reading.instance() + " " + path);
                diskOfRoot.put(reading.instance() + " " + path, disk.name);
            }
        }
        List<DiskState> states = disks.stream().map(b -> DiskState.figures(b.name, b.free, b.total, b.from, b.roots, b.unknown)).toList();
        return new Placed(states, diskOfRoot);
    }

    /** Two filesystems may share a mount point name (two containers' "/"): the second is named with its instance. */
    private static String name(List<Building> disks, String path, String instance) {
        String name = path;
        for (int n = 2; true; n++) {
            String taken = name;
            if (disks.stream().noneMatch(b -> b.name.equals(taken))) {
                return name;
            }
            name = path + " (" + instance + (n > 2 ? " " + n : "") + ")";
        }
    }

    private static Optional<Building> find(List<Building> disks, Long free, Long total) {
        return disks.stream().filter(b -> b.same(free, total)).findFirst();
    }

    private static Building add(List<Building> disks, Building disk) {
        disks.add(disk);
        return disk;
    }
}
