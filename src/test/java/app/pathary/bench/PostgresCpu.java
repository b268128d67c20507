package app.pathary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a PostgreSQL server from /proc: its postmaster (with the backends it has reaped) plus the backends that
 * still run. Milliseconds; -1 when it cannot be read (not Linux, no pid).
 */
final class PostgresCpu {
    private static final double MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux
    private final long postmaster;

    PostgresCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    long millis() {
        if (postmaster <= 0) {
            return -1;
        }
        try {
            long ticks = ticks(postmaster, true);
            String children = Files.readString(Path.of("/proc", Long.toString(postmaster), "task", Long.toString(postmaster), "children"));
            for (String child : children.trim().split("\\s+")) {
                if (!child.isEmpty()) {
                    ticks += ticks(Long.parseLong(child), false);
                }
            }
            return (long) (ticks * MILLIS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ticks(long pid, boolean withReaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0; // a backend that ended meanwhile: its time is in the postmaster's reaped time
        }
    }
}
