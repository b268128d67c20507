package app.pathary.jellyfin.client;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The one Jellyfin date parser against the two it replaced, on the forms a sweep and a webhook read. Not a test; run
 * with {@code java -cp <test classpath> org.openjdk.jmh.Main JellyfinDatesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JellyfinDatesBenchmark {

    @Param({"2023-04-27T08:44:09.6382614Z", "2010-06-16T00:00:00.0000000Z", "2025-08-18T20:35:28.3097783+02:00",
            "2024-01-31T20:30:00.123"})
    public String text;

    @Benchmark
    public Instant oneParser() {
        return JellyfinDates.parse(text);
    }

    @Benchmark
    public Object earlierClientParser() {
        return EarlierJellyfinDateParsers.client(text);
    }

    @Benchmark
    public Object earlierWebhookParser() {
        return EarlierJellyfinDateParsers.webhook(text);
    }
}
