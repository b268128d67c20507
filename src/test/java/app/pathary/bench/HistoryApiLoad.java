package app.pathary.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures GET /api/users/{name}/history/movies: per query, sequential latency (p50/p90/p99/max over
 * {@code requests} after {@code warmup}) and the server's CPU time per request (from /proc/{serverPid}/stat: unlike
 * latency it hardly moves when other work competes for the cores), then the throughput of {@code clients} concurrent
 * clients, each sending {@code requests} requests that cycle through the queries. Every answer must be a 200 with
 * entries, or the run fails. Bounded by count; uses only the JDK.
 *
 * <p>Usage: {@code HistoryApiLoad <baseUrl> <token> <userName> <serverPid> <warmup> <requests> <clients> <query>...}
 * (system properties {@code history.path} and {@code history.expect} measure another list; a token {@code cookie:...}
 * sends a session cookie instead)
 * where a query is a label and a query string, e.g. {@code "deep page=page=2000"}.
 */
public final class HistoryApiLoad {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;
    private final ServerCpu serverCpu;

    private HistoryApiLoad(String token, ServerCpu serverCpu) {
        this.token = token;
        this.serverCpu = serverCpu;
    }

    private record Query(String label, URI uri) {
    }

    public static void main(String[] args) throws Exception {
        // -Dhistory.path=/history/episodes (with {user} for the user name) measures another list, e.g. a page
        String base = args[0] + System.getProperty("history.path", "/api/users/{user}/history/movies").replace("{user}", args[2]);
        ServerCpu serverCpu = new ServerCpu(Long.parseLong(args[3]));
        int warmup = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);
        int clients = Integer.parseInt(args[6]);
        List<Query> queries = Arrays.stream(args, 7, args.length).map(a -> {
            int eq = a.indexOf('=');
            String query = a.substring(eq + 1);
            return new Query(a.substring(0, eq), URI.create(base + (query.isEmpty() ? "" : "?" + query)));
        }).toList();
        HistoryApiLoad load = new HistoryApiLoad(args[1], serverCpu);
        for (Query query : queries) {
            load.run(query, warmup);
            long cpuBefore = serverCpu.millis();
            long[] nanos = load.run(query, requests);
            double cpuPerRequest = (serverCpu.millis() - cpuBefore) / (double) requests;
            Arrays.sort(nanos);
            System.out.printf("%-22s n=%d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  server CPU %.2f ms/request%n",
                    query.label(), requests, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6, cpuPerRequest);
        }
        load.concurrent(queries, clients, requests);
    }

    private long[] run(Query query, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            get(query);
            nanos[i] = System.nanoTime() - started;
        }
        return nanos;
    }

    private void concurrent(List<Query> queries, int clients, int requestsEach) throws Exception {
        List<Future<long[]>> results = new ArrayList<>();
        long cpuBefore = serverCpu.millis();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int offset = c;
                results.add(pool.submit(() -> {
                    long[] nanos = new long[requestsEach];
                    for (int i = 0; i < requestsEach; i++) {
                        long t = System.nanoTime();
                        get(queries.get((i + offset) % queries.size()));
                        nanos[i] = System.nanoTime() - t;
                    }
                    return nanos;
                }));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = results.stream().flatMapToLong(f -> Arrays.stream(join(f))).sorted().toArray();
        double cpuPerRequest = (serverCpu.millis() - cpuBefore) / (double) all.length;
        System.out.printf("%d clients, mixed queries, %d requests in %.1f s: %.0f requests/s  p50 %.2f ms  p99 %.2f ms"
                + "  server CPU %.2f ms/request%n", clients, all.length, seconds, all.length / seconds, ms(all, 0.50),
                ms(all, 0.99), cpuPerRequest);
    }

    /** A token, or {@code cookie:<name=value>} for a page that needs a login session. */
    private void get(Query query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(query.uri());
        request = token.startsWith("cookie:") ? request.header("Cookie", token.substring("cookie:".length()))
                : request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains(System.getProperty("history.expect", "\"watchedAt\""))) {
            throw new IllegalStateException(query.label() + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static long[] join(Future<long[]> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
