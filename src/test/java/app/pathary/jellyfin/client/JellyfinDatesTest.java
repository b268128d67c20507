package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JellyfinDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2023-04-27T08:44:09.6382614Z, 2023-04-27T08:44:09.638261400Z",
            "2010-06-16T00:00:00.0000000Z, 2010-06-16T00:00:00Z",
            "2024-01-31T20:30:00Z, 2024-01-31T20:30:00Z",
            "2024-01-31T20:30:00.5Z, 2024-01-31T20:30:00.500Z",
            "2024-01-31T20:30:00.12Z, 2024-01-31T20:30:00.120Z",
            "2025-08-18T20:35:28.3097783+02:00, 2025-08-18T18:35:28.309778300Z",
            "2025-08-18T20:35:28-05:30, 2025-08-19T02:05:28Z",
            "2024-01-31T20:30:00.123, 2024-01-31T20:30:00.123Z",
            "2024-01-31T20:30:00, 2024-01-31T20:30:00Z",
    })
    void readsEveryFormJellyfinWrites(String text, String expected) {
        assertThat(JellyfinDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0001-01-01T00:00:00.0000000Z", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00",
            "0001-01-01T00:00:00.0000000+02:00"})
    void readsDotNetsMinimumValueAsNone(String sentinel) {
        assertThat(JellyfinDates.parse(sentinel)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void readsMissingTextAsNone(String text) {
        assertThat(JellyfinDates.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01T00:00:00Z", "2024-01-31"})
    void rejectsTextThatIsNotADateTime(String text) {
        assertThatThrownBy(() -> JellyfinDates.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest(name = "{0} (only the {2} parser read it)")
    @CsvSource({
            "2024-01-31T20:30:00+01, 2024-01-31T19:30:00Z, webhook",
            "2024-01-31T20:30:00.5-03, 2024-01-31T23:30:00.500Z, webhook",
            "'\u20032024-01-31T20:30:00Z', 2024-01-31T20:30:00Z, webhook",
            "2024-01-31T20:30:00+01:00[Europe/Paris], 2024-01-31T19:30:00Z, client",
            "2024-01-31T20:30:00Z[UTC], 2024-01-31T20:30:00Z, client",
            "'\u00002024-01-31T20:30:00Z', 2024-01-31T20:30:00Z, client",
    })
    void readsTheFormsOnlyOneEarlierParserRead(String text, String expected, String earlierParser) {
        assertThat(JellyfinDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0001-06-01T00:00:00Z", "0001-01-01T00:00:00.0000001Z", "0000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z", "0001-12-31T23:59:59.9999999"})
    void readsAnythingBeforeYearTwoAsNone(String text) {
        assertThat(JellyfinDates.parse(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-01-31T20:30:00+0100", "+2024-01-31T20:30:00Z", "2024-01-31T20:30:00+01[Europe/Paris]",
            "2024-01-31T20:30:00+01:00[Foo/Bar]", "-0000-01-01T00:00:00Z", "2024-01-31T20:30:00.1234567890Z",
            "2024-01-31T24:00:00Z", "2023-02-29T00:00:00Z", "2024-01-31T20:30:00+18:01", "2024-01-31 20:30:00Z",
            "2024-01-31T20:30:00Z ZZ", "\u0001"})
    void refusesWhatNeitherEarlierParserRead(String text) {
        assertThatThrownBy(() -> JellyfinDates.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
