package app.pathary.jellyfin.scrobble;

import app.pathary.common.InvalidInputException;
import app.pathary.history.WatchDateWindow;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * When a webhook play ended: {@code UtcTimestamp}, else {@code Timestamp} (the same instant with the server's offset).
 * A timestamp that reads but lies outside the {@link WatchDateWindow} is refused (400 naming the field): nothing in
 * it can be trusted. When neither is a usable date-time (missing, Jellyfin's "none", or not a date-time), the play is
 * counted on the day Pathary received it and {@link #note} says so, for the delivery log and the answer.
 *
 * @param instant the instant the play ended, or null when it is the time of receipt
 * @param date    the watch date in {@code TIMEZONE}
 * @param note    why the date is the day of receipt (or which field was skipped), or null
 */
record PlayTime(Instant instant, LocalDate date, String note) {
    private static final List<String> FIELDS = List.of("UtcTimestamp", "Timestamp");

    static PlayTime of(WebhookPayload payload, WatchDateWindow window, Clock clock, ZoneId zone) {
        String problem = null;
        for (String field : FIELDS) {
            Optional<String> text = payload.text(field).filter(t -> !t.isBlank());
            if (text.isEmpty()) {
                continue;
            }
            Optional<Instant> instant = WebhookTimestamps.parse(text.get());
            if (instant.isEmpty()) {
                problem = problem != null ? problem : field + " '" + shortened(text.get()) + "' is not a usable date-time";
                continue;
            }
            LocalDate date = dateOf(instant.get(), zone);
            if (date == null || !window.contains(date)) {
                throw new InvalidInputException(window.outside(field, text.get()));
            }
            return new PlayTime(instant.get(), date, problem == null ? null : problem + "; " + field + " was used.");
        }
        LocalDate received = clock.instant().atZone(zone).toLocalDate();
        return new PlayTime(null, received, (problem != null ? problem : "The delivery has no UtcTimestamp")
                + "; counted on " + received + ", the day Pathary received it.");
    }

    /** The date in the zone, or null when the instant is too far out for a date. */
    private static LocalDate dateOf(Instant instant, ZoneId zone) {
        try {
            return instant.atZone(zone).toLocalDate();
        } catch (DateTimeException tooFar) {
            return null;
        }
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
