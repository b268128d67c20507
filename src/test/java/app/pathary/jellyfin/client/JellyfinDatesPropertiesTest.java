package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.jellyfin.client.EarlierJellyfinDateParsers.At;
import app.pathary.jellyfin.client.EarlierJellyfinDateParsers.None;
import app.pathary.jellyfin.client.EarlierJellyfinDateParsers.Reading;
import app.pathary.jellyfin.client.EarlierJellyfinDateParsers.Refused;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The one Jellyfin date parser against the two it replaced: on texts built from every part either of them knew (and
 * near misses), whatever either accepted is accepted with the same instant, and what neither accepted is refused.
 */
class JellyfinDatesPropertiesTest {

    private static final Instant YEAR_2 = Instant.parse("0002-01-01T00:00:00Z");

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
    void acceptsWhatEitherEarlierParserAcceptedWithTheSameInstantAndRefusesTheRest(@ForAll("dateTimeTexts") String text) {
        Reading client = EarlierJellyfinDateParsers.client(text);
        Reading webhook = EarlierJellyfinDateParsers.webhook(text);
        Statistics.label("earlier parsers").collect(kind(client), kind(webhook));
        Statistics.label("earlier parsers").coverage(checker -> {
            checker.check("refused", "instant").count(c -> c >= 20);
            checker.check("instant", "refused").count(c -> c >= 20);
            checker.check("instant", "none").count(c -> c >= 20);
        });
        Statistics.label("accepted").collect(!(client instanceof Refused && webhook instanceof Refused));
        Statistics.label("accepted").coverage(checker -> {
            checker.check(true).percentage(p -> p > 25);
            checker.check(false).percentage(p -> p > 25);
        });

        if (client instanceof Refused && webhook instanceof Refused) {
            assertThatThrownBy(() -> JellyfinDates.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        Instant expected = agreed(client, webhook);
        assertThat(JellyfinDates.parse(text)).as("'%s' (client read %s, webhook read %s)", text, client, webhook)
                .isEqualTo(expected);
    }

    /**
     * The one reading both earlier parsers lead to. They disagreed only about year 1 and earlier: the client gave an
     * instant unless it was exactly .NET's minimum value, the webhook said "none". No real date lies there, so "none".
     */
    private static Instant agreed(Reading client, Reading webhook) {
        Instant fromClient = client instanceof At at ? at.instant() : null;
        Instant fromWebhook = webhook instanceof At at ? at.instant() : null;
        if (fromClient != null && fromWebhook != null) {
            assertThat(fromClient).as("the earlier parsers agree on real dates").isEqualTo(fromWebhook);
        }
        Instant instant = fromClient != null ? fromClient : fromWebhook;
        return instant == null || instant.isBefore(YEAR_2) ? null : instant;
    }

    private static String kind(Reading reading) {
        return reading instanceof At ? "instant" : reading instanceof None ? "none" : "refused";
    }

    @Property(tries = 2_000)
    void everyInstantRoundTripsThroughEachFormJellyfinWrites(@ForAll("instants") Instant instant,
                                                           @ForAll("offsets") ZoneOffset offset) {
        OffsetDateTime local = instant.atOffset(offset);
        String sevenDigits = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").format(instant.atOffset(ZoneOffset.UTC));
        String trimmed = DateTimeFormatter.ISO_INSTANT.format(instant);
        String withOffset = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local);
        String unspecified = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));

        assertThat(List.of(sevenDigits, trimmed, withOffset, unspecified)).allSatisfy(
                text -> assertThat(JellyfinDates.parse(text)).as(text).isEqualTo(instant));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(YEAR_2.getEpochSecond(), Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
                .flatMap(second -> Arbitraries.of(0, 100, 500_000_000, 638_261_400, 999_999_900)
                        .map(nanos -> Instant.ofEpochSecond(second, nanos)));
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-18 * 4, 18 * 4).map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900));
    }

    @Provide
    Arbitrary<String> dateTimeTexts() {
        return Combinators.combine(List.of(padding(), year(), twoDigits(1, 12).map(m -> "-" + m), twoDigits(1, 28).map(d -> "-" + d),
                separator(), twoDigits(0, 23), twoDigits(0, 59).map(m -> ":" + m),
                secondsAndFraction(), offset(), zone(), tail(), padding())).as(parts -> String.join("", parts));
    }

    private static Arbitrary<String> padding() {
        return Arbitraries.of("", "", "", "", " ", "\t", "\n", "\r\n", " \t");
    }

    private static Arbitrary<String> separator() {
        return Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just("T")), Tuple.of(2, Arbitraries.just("t")),
                Tuple.of(1, Arbitraries.of(" ", "X", "")));
    }

    private static Arbitrary<String> year() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(1900, 2100).map(y -> Integer.toString(y))),
                Tuple.of(2, Arbitraries.of("0000", "0001", "0002", "9999")),
                Tuple.of(1, digits(1, 11).map(d -> "+" + d)),
                Tuple.of(1, digits(1, 11).map(d -> "-" + d)),
                Tuple.of(1, digits(3, 5)));
    }

    private static Arbitrary<String> secondsAndFraction() {
        Arbitrary<String> fraction = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("")),
                Tuple.of(6, digits(0, 10).map(d -> "." + d)),
                Tuple.of(1, digits(1, 3).map(d -> "," + d)));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(8, Combinators.combine(twoDigits(0, 59), fraction).as((s, f) -> ":" + s + f)),
                Tuple.of(1, Arbitraries.of(":5", ":", ".5")));
    }

    private static Arbitrary<String> offset() {
        Arbitrary<String> sign = Arbitraries.of("+", "-");
        Arbitrary<String> hours = twoDigits(0, 18);
        Arbitrary<String> minutes = twoDigits(0, 59);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("")),
                Tuple.of(4, Arbitraries.of("Z", "Z", "Z", "z")),
                Tuple.of(4, Combinators.combine(sign, hours, minutes).as((s, h, m) -> s + h + ":" + m)),
                Tuple.of(1, Combinators.combine(sign, hours, minutes, twoDigits(0, 59)).as((s, h, m, x) -> s + h + ":" + m + ":" + x)),
                Tuple.of(2, Combinators.combine(sign, hours).as((s, h) -> s + h)),
                Tuple.of(1, Combinators.combine(sign, hours, minutes).as((s, h, m) -> s + h + m)),
                Tuple.of(1, Arbitraries.of("+1", "+1:00", "+01:", "+01:00:", "+01:3", "UTC", "GMT", "+")));
    }

    private static Arbitrary<String> zone() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("[Europe/Paris]", "[UTC]", "[Z]", "[+02:00]", "[GMT+01:00]", "[Etc/GMT+5]",
                        "[Foo/Bar]", "[utc]", "[EST]", "[UTC+1]", "[]", "[UTC", "[UTC][UTC]")));
    }

    private static Arbitrary<String> tail() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("x", "Z", "0", ".", " Z", "+01:00")));
    }

    /** Mostly two digits in the field's range, sometimes one just outside it or a single digit. */
    private static Arbitrary<String> twoDigits(int from, int to) {
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.integers().between(from, to).map(v -> String.format("%02d", v))),
                Tuple.of(1, Arbitraries.of(from == 0 ? 99 : from - 1, to + 1).map(v -> String.format("%02d", v))),
                Tuple.of(1, Arbitraries.integers().between(0, 9).map(v -> Integer.toString(v))));
    }

    private static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().withCharRange('0', '9').ofMinLength(min).ofMaxLength(max);
    }
}
