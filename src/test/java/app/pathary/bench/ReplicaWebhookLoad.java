package app.pathary.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load client for {@code bench/replicas-webhook.sh}: the deliveries of {@link WebhookLoad} (distinct, plugin-exact
 * PlaybackStops that must each be answered {@code "recorded"}), in a closed loop whose senders are spread round robin
 * over one or more Pathary instances sharing one PostgreSQL. Prints recorded/s with the wall time, and the CPU time
 * of the instances, of PostgreSQL (its postmaster and backends) and of this client, per delivery.
 *
 * <p>Usage: {@code ReplicaWebhookLoad <webhook URL>[,<webhook URL>...] [key=value...]}, keys: movies, warmup, count,
 * senders, serverPids (comma list), postgresPid, label.
 */
public final class ReplicaWebhookLoad {
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(5);

    private ReplicaWebhookLoad() {
    }

    public static void main(String[] args) throws Exception {
        List<URI> urls = Arrays.stream(args[0].split(",")).map(URI::create).toList();
        Map<String, String> options = new java.util.HashMap<>(Map.of("movies", "3000", "warmup", "20000", "count", "40000",
                "senders", "32", "serverPids", "", "postgresPid", "0", "label", urls.size() + " instance(s)"));
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        List<ProcessCpu> servers = Arrays.stream(options.get("serverPids").split(",")).filter(s -> !s.isBlank())
                .map(s -> new ProcessCpu(Long.parseLong(s.strip()))).toList();
        PostgresCpu postgres = new PostgresCpu(Long.parseLong(options.get("postgresPid")));
        ProcessCpu client = new ProcessCpu(ProcessHandle.current().pid());
        WebhookDeliveries deliveries = WebhookDeliveries.forMovies(Integer.parseInt(options.get("movies")),
                Instant.parse("2024-01-01T00:00:00Z"));
        int senders = Integer.parseInt(options.get("senders"));
        closedLoop(urls, deliveries, Integer.parseInt(options.get("warmup")), senders);

        long serverBefore = sum(servers);
        long postgresBefore = postgres.millis();
        long clientBefore = client.millis();
        long machineBefore = ProcessCpu.machineMillis();
        long started = System.nanoTime();
        LoadTally tally = closedLoop(urls, deliveries, Integer.parseInt(options.get("count")), senders);
        double seconds = (System.nanoTime() - started) / 1e9;
        long serverMs = sum(servers) - serverBefore;
        long postgresMs = postgres.millis() - postgresBefore;
        long clientMs = client.millis() - clientBefore;
        long machineMs = ProcessCpu.machineMillis() - machineBefore;
        long answered = tally.recorded() + tally.errors();
        System.out.printf("RESULT %s: senders=%d recorded=%d errors=%d in %.2f s wall -> %.0f recorded/s; CPU per delivery: "
                        + "Pathary %.0f us, PostgreSQL %.0f us, client %.0f us; other processes used %.2f of the %d cores%s%n",
                options.get("label"), senders, tally.recorded(), tally.errors(), seconds, tally.recorded() / seconds,
                1000.0 * serverMs / answered, 1000.0 * postgresMs / answered, 1000.0 * clientMs / answered,
                (machineMs - serverMs - postgresMs - clientMs) / 1000.0 / seconds, Runtime.getRuntime().availableProcessors(),
                tally.errors() == 0 ? "" : " (first errors: " + tally.errorSamples() + ")");
        System.exit(tally.errors() == 0 ? 0 : 1);
    }

    private static long sum(List<ProcessCpu> processes) {
        return processes.stream().mapToLong(ProcessCpu::millis).sum();
    }

    private static LoadTally closedLoop(List<URI> urls, WebhookDeliveries deliveries, int count, int senders) throws InterruptedException {
        LoadTally tally = new LoadTally(0);
        AtomicInteger left = new AtomicInteger(count);
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                URI url = urls.get(i % urls.size());
                running.add(pool.submit(() -> {
                    try (var connection = new KeepAliveConnection(url, "Jellyfin-Server/10.11.11")) {
                        while (left.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                            try {
                                tally.answer(connection.post(deliveries.next()));
                            } catch (java.io.IOException | RuntimeException e) {
                                tally.error(e.toString());
                            }
                        }
                    }
                }));
            }
            pool.shutdown();
            pool.awaitTermination(PHASE_LIMIT.toSeconds() + 60, TimeUnit.SECONDS);
        }
        return tally;
    }
}
