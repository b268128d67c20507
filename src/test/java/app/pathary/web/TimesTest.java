package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Rough edge 11: a time is written in TIMEZONE and says which zone it is in, never a bare UTC clock reading. */
class TimesTest {
    private static final Instant WINTER = Instant.parse("2026-01-15T18:30:45Z");
    private static final Instant SUMMER = Instant.parse("2026-07-15T18:30:45Z");

    @Test
    void a_time_is_shown_in_the_configured_zone_with_its_short_name() {
        Times berlin = new Times(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.minute(WINTER)).isEqualTo("2026-01-15 19:30 CET");
        assertThat(berlin.minute(SUMMER)).isEqualTo("2026-07-15 20:30 CEST");
        assertThat(berlin.second(SUMMER)).isEqualTo("2026-07-15 20:30:45 CEST");
        assertThat(new Times(ZoneId.of("America/New_York")).minute(WINTER)).isEqualTo("2026-01-15 13:30 EST");
        assertThat(new Times(ZoneOffset.UTC).minute(WINTER)).isEqualTo("2026-01-15 18:30 Z");
        assertThat(new Times(ZoneId.of("UTC")).minute(WINTER)).isEqualTo("2026-01-15 18:30 UTC");
    }

    @Test
    void the_day_is_the_calendar_day_in_the_zone_and_a_missing_time_reads_never() {
        assertThat(new Times(ZoneId.of("Pacific/Auckland")).day(WINTER)).isEqualTo("2026-01-16");
        assertThat(new Times(ZoneId.of("UTC")).minute(null)).isEqualTo("never");
    }
}
