package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.DiskState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast: a least-squares line through the last 30 days of free-space samples, and where it meets the threshold. */
class DiskHistoryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static DiskState disk(long free, Long thresholdFree) {
        return new DiskState("/movies", free, 10_000L, "/diskspace of radarr", List.of("radarr /movies"), thresholdFree == null ? null : "90 %",
                thresholdFree == null ? null : "80 %", thresholdFree, thresholdFree == null ? null : 2_000L, DiskState.OK, null, 0, free);
    }

    /** One sample a day for {@code days} days up to now, free = start + perDay * day. */
    private static List<DiskSamples.Sample> line(int days, long start, long perDay) {
        List<DiskSamples.Sample> samples = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            samples.add(new DiskSamples.Sample(NOW.minus(Duration.ofDays(days - 1 - day)), "/movies", start + perDay * day, 10_000L, 0, "plan"));
        }
        return samples;
    }

    @Test
    void a_disk_losing_100_bytes_a_day_crosses_its_threshold_when_the_line_says() {
        // 3,000 free now, losing 100 a day: 1,000 (the threshold) is reached in 20 days
        var forecast = DiskHistory.forecast(disk(3_000, 1_000L), line(10, 3_900, -100), NOW, ZoneOffset.UTC);

        assertThat(forecast.slopePerDay()).isCloseTo(-100.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(forecast.crossesOn()).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(forecast.sentence()).isEqualTo("filling up by 100 B a day; at this rate the threshold (90 %) is crossed around 2026-03-21");
    }

    @Test
    void free_space_that_holds_or_grows_is_not_filling_up() {
        assertThat(DiskHistory.forecast(disk(3_000, 1_000L), line(10, 2_000, 50), NOW, ZoneOffset.UTC).sentence()).startsWith("not filling up");
        assertThat(DiskHistory.forecast(disk(3_000, 1_000L), line(10, 3_000, 0), NOW, ZoneOffset.UTC).crossesOn()).isNull();
    }

    @Test
    void samples_older_than_30_days_do_not_count_and_one_sample_is_not_enough() {
        List<DiskSamples.Sample> samples = new ArrayList<>(List.of(new DiskSamples.Sample(NOW.minus(Duration.ofDays(90)), "/movies", 9_000L,
                10_000L, 0, "plan")));
        samples.add(new DiskSamples.Sample(NOW, "/movies", 3_000L, 10_000L, 0, "plan"));

        assertThat(DiskHistory.forecast(disk(3_000, 1_000L), samples, NOW, ZoneOffset.UTC).sentence()).startsWith("not enough samples");
    }
}
