package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook reads its timestamps with the one Jellyfin date parser and falls back on whatever it cannot use. */
class WebhookTimestampsTest {

    @Test
    void readsTheLocalTimestampWithItsOffsetAndTheUtcOne() {
        assertThat(WebhookTimestamps.parse("2025-08-15T23:19:42.3644758+02:00"))
                .contains(Instant.parse("2025-08-15T21:19:42.364475800Z"));
        assertThat(WebhookTimestamps.parse("2025-08-15T21:19:42.3644758Z")).contains(Instant.parse("2025-08-15T21:19:42.364475800Z"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0001-01-01T00:00:00.0000000Z", "yesterday", "2025-08-15", "2025-13-01T00:00:00Z"})
    void missingNoneOrUnreadableTextIsEmptySoTheWebhookFallsBack(String text) {
        assertThat(WebhookTimestamps.parse(text)).isEmpty();
    }
}
