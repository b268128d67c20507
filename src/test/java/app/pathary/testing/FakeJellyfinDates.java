package app.pathary.testing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes date-times the way Jellyfin's {@code JsonDateTimeConverter} does: 7 fraction digits and a literal
 * {@code Z} when the millisecond part is 0, otherwise .NET's round-trip form with trailing fraction zeros
 * trimmed and {@code Z} (UTC) or the offset (local time). Precision is .NET's tick, 100 ns.
 */
final class FakeJellyfinDates {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private FakeJellyfinDates() {
    }

    static String utc(Instant instant) {
        return format(instant.atOffset(ZoneOffset.UTC), true);
    }

    /** A local time with its offset, like {@code DateTime.Now} in a webhook {@code Timestamp}. */
    static String local(OffsetDateTime time) {
        return format(time, false);
    }

    private static String format(OffsetDateTime time, boolean utc) {
        int ticks = time.getNano() / 100;
        String seconds = SECONDS.format(time);
        String fraction = String.format("%07d", ticks);
        if (time.getNano() / 1_000_000 == 0) {
            return seconds + "." + fraction + "Z";
        }
        String trimmed = fraction.replaceAll("0+$", "");
        String zone = utc ? "Z" : time.getOffset().getId().replace("Z", "+00:00");
        return seconds + "." + trimmed + zone;
    }
}
