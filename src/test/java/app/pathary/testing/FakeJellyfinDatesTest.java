package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FakeJellyfinDatesTest {

    @Test
    void zeroMillisecondsGiveSevenFractionDigits() {
        assertThat(FakeJellyfinDates.utc(Instant.parse("2010-06-16T00:00:00Z"))).isEqualTo("2010-06-16T00:00:00.0000000Z");
    }

    @Test
    void otherValuesTrimTrailingZerosLikeTheRoundTripFormat() {
        assertThat(FakeJellyfinDates.utc(Instant.parse("2023-04-27T08:44:09.6382614Z"))).isEqualTo("2023-04-27T08:44:09.6382614Z");
        assertThat(FakeJellyfinDates.utc(Instant.parse("2023-04-27T08:44:09.5Z"))).isEqualTo("2023-04-27T08:44:09.5Z");
    }

    @Test
    void precisionIsDotNetsHundredNanosecondTick() {
        assertThat(FakeJellyfinDates.utc(Instant.parse("2023-04-27T08:44:09.123456789Z"))).isEqualTo("2023-04-27T08:44:09.1234567Z");
    }

    @Test
    void localTimesCarryTheirOffset() {
        assertThat(FakeJellyfinDates.local(OffsetDateTime.parse("2025-08-18T20:35:28.3097783+02:00")))
                .isEqualTo("2025-08-18T20:35:28.3097783+02:00");
        assertThat(FakeJellyfinDates.local(OffsetDateTime.parse("2025-08-18T20:35:28.31Z")))
                .isEqualTo("2025-08-18T20:35:28.31+00:00");
    }
}
