package app.pathary.jellyfin.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The two Jellyfin date parsers {@link JellyfinDates} replaced, kept verbatim as oracles (as they were at 66a9c0b):
 * {@code JellyfinDates.parse} of the client (ISO_DATE_TIME with parseBest, only the exact .NET minimum is "none") and
 * {@code WebhookTimestamps.parse} of the webhook (ISO_OFFSET_DATE_TIME, then ISO_LOCAL_DATE_TIME as UTC, anything
 * before year 2 is "none"). Each tells "none" from "refused", which the webhook's Optional did not.
 */
final class EarlierJellyfinDateParsers {

    /** What an earlier parser made of a text. */
    sealed interface Reading {
    }

    record At(Instant instant) implements Reading {
    }

    record None() implements Reading {
    }

    record Refused() implements Reading {
    }

    private static final LocalDateTime NEVER = LocalDateTime.of(1, 1, 1, 0, 0);
    private static final Instant NONE_BEFORE = Instant.parse("0002-01-01T00:00:00Z");

    private EarlierJellyfinDateParsers() {
    }

    static Reading client(String text) {
        if (text == null || text.isBlank()) {
            return new None();
        }
        try {
            String trimmed = text.trim();
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
                    trimmed, OffsetDateTime::from, LocalDateTime::from);
            LocalDateTime local = parsed instanceof OffsetDateTime offset
                    ? offset.toLocalDateTime() : (LocalDateTime) parsed;
            if (local.equals(NEVER)) {
                return new None();
            }
            return new At(parsed instanceof OffsetDateTime offset
                    ? offset.toInstant() : local.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return new Refused();
        }
    }

    static Reading webhook(String text) {
        if (text == null || text.isBlank()) {
            return new None();
        }
        String value = text.strip();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                instant = LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                return new Refused();
            }
        }
        return instant.isBefore(NONE_BEFORE) ? new None() : new At(instant);
    }
}
