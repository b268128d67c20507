package app.pathary.bench;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What a load phase saw: answers that recorded a play, everything else as errors (with a few samples), latencies. */
final class LoadTally {
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    private final long[] latencies;

    LoadTally(int expected) {
        this.latencies = new long[expected];
    }

    /** Counts an answer; recorded only when the status is 200 and the result is "recorded". */
    void answer(KeepAliveConnection.Answer answer) {
        if (answer.status() == 200 && answer.body().startsWith("{\"result\":\"recorded\"")) {
            recorded.incrementAndGet();
        } else {
            error(answer.status() + " " + answer.body());
        }
    }

    void error(String what) {
        if (errors.incrementAndGet() <= 5) {
            samples.add(what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    void latency(int index, long nanos) {
        latencies[index] = nanos;
    }

    long recorded() {
        return recorded.get();
    }

    long errors() {
        return errors.get();
    }

    String errorSamples() {
        return String.join(" | ", samples);
    }

    /** "p50 x ms, p99 y ms, max z ms" over the first {@code count} latencies. */
    String latencySummary(int count) {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99), millis(sorted, 0.999),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
