package app.pathary.jellyfin.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the date-times Jellyfin writes.
 *
 * <p>Jellyfin writes 7 fraction digits when the millisecond part is zero and otherwise .NET's round-trip
 * form, which trims trailing zeros: so 0 to 7 fraction digits, followed by {@code Z} (UTC), an offset
 * (local time, e.g. webhook {@code Timestamp}) or nothing (unspecified, read as UTC). The .NET minimum
 * value {@code 0001-01-01T00:00:00} is Jellyfin's "never" (e.g. {@code LastPlaybackCheckIn}) and is read as
 * {@code null}, whatever offset it carries.
 */
final class JellyfinDates {

    private static final LocalDateTime NEVER = LocalDateTime.of(1, 1, 1, 0, 0);

    private JellyfinDates() {
    }

    /**
     * @return the instant, or {@code null} for {@code null}, blank text and the 0001-01-01 sentinel
     * @throws DateTimeParseException when the text is not an ISO-8601 date-time
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
                trimmed, OffsetDateTime::from, LocalDateTime::from);
        LocalDateTime local = parsed instanceof OffsetDateTime offset
                ? offset.toLocalDateTime() : (LocalDateTime) parsed;
        if (local.equals(NEVER)) {
            return null;
        }
        return parsed instanceof OffsetDateTime offset
                ? offset.toInstant() : local.toInstant(ZoneOffset.UTC);
    }
}
