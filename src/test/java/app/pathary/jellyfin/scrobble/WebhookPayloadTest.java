package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
import app.pathary.web.JsonBody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A payload keeps only the keys Pathary reads, yet the whole body is still read as JSON: the other keys are checked
 * (limits, syntax) and a body that is not an object answers as before.
 */
class WebhookPayloadTest {
    @Test
    void the_keys_read_are_kept_whatever_surrounds_them_and_the_last_of_a_repeated_key_wins() {
        WebhookPayload payload = parse("""
                {"ServerId":"abc","NotificationType":"PlaybackStart","Studios":[{"Name":"x"}],"Item":{"Name":"inner"},
                 "Name":"The Matrix","Year":1999,"Provider_tmdb":"603","PlayedToCompletion":true,"NotificationType":"PlaybackStop"}""");
        assertThat(payload.requiredText("NotificationType")).isEqualTo("PlaybackStop");
        assertThat(payload.text("Name")).contains("The Matrix");
        assertThat(payload.integer("Year")).contains(1999);
        assertThat(payload.providerId("Provider_tmdb")).contains(603);
        assertThat(payload.requiredBoolean("PlayedToCompletion")).isTrue();
        assertThat(payload.text("SeriesName")).isEmpty();
    }

    @Test
    void each_kind_of_value_reads_as_it_did_from_the_whole_tree() {
        WebhookPayload payload = parse("""
                {"Year":2001,"SeasonNumber":12345678901,"EpisodeNumber":99999999999999999999999,"Provider_tmdb":603,
                 "EpisodeNumberEnd":1.5,"Played":"True","PlayedToCompletion":false,"Overview":null,"Name":{"a":1}}""");
        assertThat(payload.integer("Year")).contains(2001);
        assertThatThrownBy(() -> payload.integer("SeasonNumber")).hasMessage("SeasonNumber must be a whole number.");
        assertThatThrownBy(() -> payload.integer("EpisodeNumber")).hasMessage("EpisodeNumber must be a whole number.");
        assertThatThrownBy(() -> payload.integer("EpisodeNumberEnd")).hasMessage("EpisodeNumberEnd must be a whole number.");
        assertThat(payload.providerId("Provider_tmdb")).contains(603);
        assertThat(payload.requiredBoolean("Played")).isTrue();
        assertThat(payload.requiredBoolean("PlayedToCompletion")).isFalse();
        assertThat(payload.text("Overview")).isEmpty();
        assertThatThrownBy(() -> payload.text("Name")).hasMessage("Name must be a string.");
    }

    @Test
    void a_key_no_reader_declared_is_a_programming_error_not_an_empty_value() {
        WebhookPayload payload = parse("{\"ServerId\":\"abc\"}");
        assertThatThrownBy(() -> payload.text("ServerId")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ServerId");
    }

    @Test
    void keys_not_kept_are_still_checked_and_bodies_that_are_not_objects_answer_as_before() {
        assertThatThrownBy(() -> parse("{\"Unused\":" + "9".repeat(1_600) + ",\"Name\":\"a\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessage(JsonBody.BEYOND_LIMITS);
        assertThatThrownBy(() -> parse("{\"Unused\":" + "[".repeat(100) + "]".repeat(100) + "}"))
                .isInstanceOf(InvalidInputException.class).hasMessage(JsonBody.BEYOND_LIMITS);
        assertThatThrownBy(() -> parse("{\"Unused\":[1,2,\"Name\":\"a\"}")).hasMessageStartingWith("The body is not JSON");
        assertThatThrownBy(() -> parse("{\"Name\":\"a\"")).hasMessageStartingWith("The body is not JSON");
        assertThatThrownBy(() -> parse("[1,2")).hasMessageStartingWith("The body is not JSON");
        assertThatThrownBy(() -> parse("[1,2,3]")).hasMessageStartingWith("The body must be a JSON object");
        assertThatThrownBy(() -> parse("\"PlaybackStop\"")).hasMessageStartingWith("The body must be a JSON object");
        assertThatThrownBy(() -> parse("   ")).hasMessageStartingWith("The body must be a JSON object");
    }

    private static WebhookPayload parse(String body) {
        return WebhookPayload.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
