package app.pathary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time (user + system) a process has used so far, read from /proc/{pid}/stat (Linux). */
final class ServerCpu {
    /** Linux reports utime and stime in clock ticks of 1/100 s on every architecture Pathary runs on. */
    private static final int TICKS_PER_SECOND = 100;
    private final Path stat;

    ServerCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
    }

    long millis() {
        try {
            String line = Files.readString(stat);
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + stat, e);
        }
    }
}
