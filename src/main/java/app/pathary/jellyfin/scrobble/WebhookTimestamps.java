package app.pathary.jellyfin.scrobble;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses Jellyfin's date-times: 0 to 7 fraction digits, then {@code Z}, an offset, or nothing (read as UTC).
 * The sentinel {@code 0001-01-01T00:00:00} means "none".
 */
final class WebhookTimestamps {
    private static final Instant NONE_BEFORE = Instant.parse("0002-01-01T00:00:00Z");
    private WebhookTimestamps() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                instant = LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        return instant.isBefore(NONE_BEFORE) ? Optional.empty() : Optional.of(instant);
    }
}
