package app.pathary.arr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Statuses and the four error-body shapes of Radarr's and Sonarr's error pipelines (reference §3.7). */
class ArrFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "Radarr (main) DELETE /api/v3/movie/7";

    @Test
    void aServiceNotFoundIsRadarrsOwnAnswer() {
        ArrException failure = ArrFailures.of("Radarr", REQUEST, 404,
                "{\"message\":\"Movie with ID 7 does not exist\",\"description\":\"ModelNotFoundException ...\"}", JSON);

        assertThat(failure).isInstanceOfSatisfying(ArrException.NotFound.class, e -> {
            assertThat(e.answeredByArr()).isTrue();
            assertThat(e.serverMessage()).isEqualTo("Movie with ID 7 does not exist");
            assertThat(e.getMessage()).isEqualTo(REQUEST + " -> 404 Not Found: Movie with ID 7 does not exist");
        });
    }

    @Test
    void problemDetailsAreRadarrsOwnAnswerToo() {
        ArrException failure = ArrFailures.of("Radarr", REQUEST, 404,
                "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":\"Not Found\",\"status\":404}", JSON);

        assertThat(failure).isInstanceOfSatisfying(ArrException.NotFound.class, e -> assertThat(e.answeredByArr()).isTrue());
    }

    @Test
    void anEmptyOrHtml404IsNotRadarrSayingItIsGone() {
        assertThat(ArrFailures.of("Radarr", REQUEST, 404, "", JSON))
                .isInstanceOfSatisfying(ArrException.NotFound.class, e -> assertThat(e.answeredByArr()).isFalse());
        assertThat(ArrFailures.of("Radarr", REQUEST, 404, "<html><body>nginx</body></html>", JSON))
                .isInstanceOfSatisfying(ArrException.NotFound.class, e -> {
                    assertThat(e.answeredByArr()).isFalse();
                    assertThat(e.userMessage()).isEqualTo("not found on Radarr");
                });
    }

    @Test
    void validationFailuresJoinTheirMessages() {
        ArrException failure = ArrFailures.of("Sonarr", REQUEST, 400,
                "[{\"propertyName\":\"Path\",\"errorMessage\":\"'Path' must not be empty.\"},"
                        + "{\"propertyName\":\"Id\",\"errorMessage\":\"'Id' must be greater than '0'.\"}]", JSON);

        assertThat(failure).isInstanceOfSatisfying(ArrException.UnexpectedStatus.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.serverMessage()).isEqualTo("'Path' must not be empty.; 'Id' must be greater than '0'.");
        });
    }

    @Test
    void statusesMapToTheirTypes() {
        assertThat(ArrFailures.of("Radarr", REQUEST, 401, "", JSON)).isInstanceOf(ArrException.Unauthorized.class);
        assertThat(ArrFailures.of("Radarr", REQUEST, 409, "{\"message\":\"Movie's root folder (/m) is empty.\"}", JSON))
                .isInstanceOfSatisfying(ArrException.Conflict.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Movie's root folder (/m) is empty."));
        assertThat(ArrFailures.of("Radarr", REQUEST, 503, "{\"errorMessage\":\"Radarr is starting up\"}", JSON))
                .isInstanceOf(ArrException.StartingUp.class);
        assertThat(ArrFailures.of("Radarr", REQUEST, 502, "Bad Gateway", JSON))
                .isInstanceOfSatisfying(ArrException.UnexpectedStatus.class, e -> {
                    assertThat(e.serverMessage()).isNull();
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.userMessage()).isEqualTo("Radarr answered HTTP 502");
                });
        assertThat(ArrFailures.of("Radarr", REQUEST, 406, "", JSON)).isInstanceOf(ArrException.UnexpectedStatus.class);
    }
}
