package app.pathary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) of another process on Linux, from {@code /proc/<pid>/stat}: the server's CPU cost per
 * request does not depend on what else runs on the machine, unlike its throughput.
 */
final class ProcessCpu {
    private static final double MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux
    private final long pid;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    /** CPU milliseconds used so far, or -1 when unknown. */
    long millis() {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (long) ((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU milliseconds the whole machine spent busy (all processes, all cores) since boot, or -1 when unknown. */
    static long machineMillis() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                busy += Long.parseLong(fields[i]);
            }
            return (long) (busy * MILLIS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** ", <who> CPU x µs per request" since {@code before}, or nothing when unknown. */
    String perRequest(String who, long before, long requests) {
        long now = millis();
        if (before < 0 || now < 0 || requests == 0) {
            return "";
        }
        return String.format(", %s CPU %.0f µs per request", who, (now - before) * 1000.0 / requests);
    }
}
