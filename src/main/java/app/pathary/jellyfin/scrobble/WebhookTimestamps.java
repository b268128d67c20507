package app.pathary.jellyfin.scrobble;

import app.pathary.jellyfin.client.JellyfinDates;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * A webhook's {@code UtcTimestamp} or {@code Timestamp}, read by {@link JellyfinDates} (the one Jellyfin date parser).
 * The webhook has fallbacks (the other timestamp, then now), so text that is missing, Jellyfin's "none" or not a
 * date-time at all is simply empty here.
 */
public final class WebhookTimestamps {
    private WebhookTimestamps() {
    }

    public static Optional<Instant> parse(String text) {
        try {
            return Optional.ofNullable(JellyfinDates.parse(text));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
