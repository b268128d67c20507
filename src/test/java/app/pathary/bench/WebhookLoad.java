package app.pathary.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load client for the Jellyfin webhook endpoint (issue 3), run by {@code bench/webhook-load.sh} against a real server.
 * Every delivery is a distinct, plugin-exact PlaybackStop that must be answered {@code "result":"recorded"}; any
 * other answer is an error.
 *
 * <ul>
 *   <li>Warm-up: a closed loop that is not reported.</li>
 *   <li>Phase A: closed loop, N senders (each with its own keep-alive connection) for a fixed count: recorded/s.</li>
 *   <li>Phase B: open loop at a fixed rate; send i is due at start + i/rate, and latency runs from that due time to the
 *       answer, so a slow server cannot hide its queue (no coordinated omission).</li>
 * </ul>
 * Usage: {@code WebhookLoad <webhook URL> [key=value...]}, keys: movies, warmup, count, senders (comma list), rate,
 * seconds, openSenders, serverPid (to report the server's CPU time per delivery, from /proc).
 */
public final class WebhookLoad {
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(3);
    private final URI url;
    private final WebhookDeliveries deliveries;
    private final ProcessCpu serverCpu;
    private final ProcessCpu clientCpu = new ProcessCpu(ProcessHandle.current().pid());

    private WebhookLoad(URI url, WebhookDeliveries deliveries, ProcessCpu serverCpu) {
        this.url = url;
        this.deliveries = deliveries;
        this.serverCpu = serverCpu;
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        Map<String, String> options = new java.util.HashMap<>(Map.of("movies", "3000", "warmup", "60000", "count", "60000",
                "senders", "64,32,16,8", "rate", "500", "seconds", "30", "openSenders", "64", "serverPid", "0"));
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        int movies = Integer.parseInt(options.get("movies"));
        var load = new WebhookLoad(url, WebhookDeliveries.forMovies(movies, Instant.parse("2024-01-01T00:00:00Z")),
                new ProcessCpu(Long.parseLong(options.get("serverPid"))));
        System.out.printf("Webhook load against %s: %d movies, distinct PlaybackStop deliveries%n", url.getHost() + ":" + url.getPort(), movies);

        load.closedLoop("warm-up", Integer.parseInt(options.get("warmup")), 16);
        double best = 0;
        int bestSenders = 0;
        for (String senders : options.get("senders").split(",")) {
            double rate = load.closedLoop("phase A", Integer.parseInt(options.get("count")), Integer.parseInt(senders.strip()));
            if (rate > best) {
                best = rate;
                bestSenders = Integer.parseInt(senders.strip());
            }
        }
        System.out.printf("RESULT phase A: best %.0f recorded/s with %d senders%n", best, bestSenders);
        boolean clean = load.openLoop(Integer.parseInt(options.get("rate")), Integer.parseInt(options.get("seconds")),
                Integer.parseInt(options.get("openSenders")));
        System.out.printf("Deliveries sent in all: %d%n", load.deliveries.issued());
        System.exit(clean ? 0 : 1);
    }

    /** Sends {@code count} deliveries with {@code senders} concurrent senders; returns recorded per second. */
    private double closedLoop(String phase, int count, int senders) throws InterruptedException {
        LoadTally tally = new LoadTally(0);
        AtomicInteger left = new AtomicInteger(count);
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        long started = System.nanoTime();
        long cpuBefore = serverCpu.millis();
        long clientBefore = clientCpu.millis();
        long machineBefore = ProcessCpu.machineMillis();
        runSenders(senders, connection -> {
            while (left.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                send(connection, deliveries.next(), tally);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = tally.recorded() / seconds;
        System.out.printf("%s: senders=%d sent=%d recorded=%d errors=%d in %.2f s -> %.0f recorded/s%s%s%n", phase, senders,
                tally.recorded() + tally.errors(), tally.recorded(), tally.errors(), seconds, rate,
                serverCpu.perRequest("server", cpuBefore, tally.recorded() + tally.errors())
                        + clientCpu.perRequest("client", clientBefore, tally.recorded() + tally.errors()),
                tally.errors() == 0 ? "" : " (first errors: " + tally.errorSamples() + ")");
        long others = ProcessCpu.machineMillis() - machineBefore - (serverCpu.millis() - cpuBefore) - (clientCpu.millis() - clientBefore);
        if (machineBefore >= 0 && serverCpu.millis() >= 0) {
            System.out.printf("  (meanwhile other processes on this machine used %.2f of its %d cores)%n",
                    others / 1000.0 / seconds, Runtime.getRuntime().availableProcessors());
        }
        return tally.errors() == 0 ? rate : 0;
    }

    /** Sends at {@code rate}/s for {@code seconds}; prints latency from each send's due time. Returns true without errors. */
    private boolean openLoop(int rate, int seconds, int senders) throws InterruptedException {
        int total = rate * seconds;
        LoadTally tally = new LoadTally(total);
        AtomicInteger next = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds) + PHASE_LIMIT.toNanos();
        long cpuBefore = serverCpu.millis();
        runSenders(senders, connection -> {
            for (int i = next.getAndIncrement(); i < total && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                byte[] body = deliveries.next();
                long due = start + i * intervalNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                send(connection, body, tally);
                tally.latency(i, System.nanoTime() - due);
            }
        });
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT phase B: %d/s for %d s (%d senders): sent=%d recorded=%d errors=%d in %.2f s%s; latency from due time: %s%s%n",
                rate, seconds, senders, tally.recorded() + tally.errors(), tally.recorded(), tally.errors(), took,
                serverCpu.perRequest("server", cpuBefore, tally.recorded() + tally.errors()),
                tally.latencySummary((int) Math.min(total, tally.recorded() + tally.errors())),
                tally.errors() == 0 ? "" : " (first errors: " + tally.errorSamples() + ")");
        return tally.errors() == 0 && tally.recorded() == total;
    }

    private void send(KeepAliveConnection connection, byte[] body, LoadTally tally) {
        try {
            tally.answer(connection.post(body));
        } catch (IOException | RuntimeException e) {
            tally.error(e.toString());
        }
    }

    private interface Sender {
        void run(KeepAliveConnection connection);
    }

    private void runSenders(int count, Sender sender) throws InterruptedException {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                running.add(pool.submit(() -> {
                    try (var connection = new KeepAliveConnection(url, "Jellyfin-Server/10.11.11")) {
                        sender.run(connection);
                    }
                }));
            }
            pool.shutdown();
            pool.awaitTermination(PHASE_LIMIT.toSeconds() + 60, TimeUnit.SECONDS);
        }
    }
}
