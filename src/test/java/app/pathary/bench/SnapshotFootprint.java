package app.pathary.bench;

import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.watched.Strategy;
import app.pathary.watched.WatchedSettings;
import app.pathary.watched.WatchedSweep;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Issue 15: the retained size of a sweep's snapshot. Sweeps the emulated library (the env file written by
 * {@link EmulatedServers}) with the given strategy, then measures the heap in use after full collections with the
 * result held and after it is let go; the difference is what the snapshot (and the policy) retain. Also prints the
 * top of the class histogram while it is held (from {@code jcmd <pid> GC.class_histogram}). Uses only the sweep's
 * public API, so it runs against an older build's jar too. Run by bench/cleanup-cli.sh (COMMANDS=footprint).
 */
public final class SnapshotFootprint {
    private SnapshotFootprint() {
    }

    public static void main(String[] args) throws IOException, javax.management.JMException {
        Map<String, String> env = Files.readAllLines(Path.of(args[0])).stream().map(line -> line.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        Strategy strategy = Strategy.parse(args.length > 1 ? args[1] : "primary", "strategy");
        var sweep = new WatchedSweep(new HttpJellyfinClient(HttpClient.newHttpClient(), new ClientIdentity("Pathary", "bench", "footprint", "1"),
                Duration.ofSeconds(300)), Clock.systemUTC());
        var settings = new WatchedSettings(URI.create(env.get("JELLYFIN_URL")), env.get("JELLYFIN_API_KEY"), strategy, "user0", List.of(),
                5, 5, true, Set.of());
        long before = usedAfterGc();
        Object held = sweep.sweep(settings, ZoneId.of("UTC"));
        long holding = usedAfterGc();
        String histogram = histogram();
        System.out.println(held.getClass().getSimpleName() + " of " + strategy.value() + " held");
        held = null;
        long after = usedAfterGc();
        System.out.printf("heap in use after full GC: before %.1f MiB, holding the snapshot %.1f MiB, after letting it go %.1f MiB%n",
                before / 1048576.0, holding / 1048576.0, after / 1048576.0);
        System.out.printf("retained by the snapshot: %.1f MiB%n", (holding - after) / 1048576.0);
        System.out.println("class histogram while held (top 12):");
        histogram.lines().skip(1).limit(14).forEach(System.out::println);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The class histogram, asked of this JVM's own diagnostic command bean. Asking it of an external {@code jcmd}
     * attached to this process left the next System.gc() waiting for ever (seen twice on JDK 25).
     */
    private static String histogram() throws javax.management.JMException {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }
}
