package app.pathary.jellyfin.client;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Reads the date-times Jellyfin writes, in its API answers and in webhook payloads: the one Jellyfin date parser.
 *
 * <p>Jellyfin writes 7 fraction digits when the millisecond part is zero and otherwise .NET's round-trip form, which
 * trims trailing zeros; then {@code Z} (UTC), an offset (local time, e.g. the webhook's {@code Timestamp}) or nothing
 * (unspecified, which Jellyfin means as UTC). The rules, read one character at a time with no {@code parseBest} (a
 * JDK formatter only checks the rare zone id in brackets):
 * <pre>
 *   date-time = date ("T" | "t") time [offset]                 surrounding whitespace and control characters ignored
 *   date      = year "-" MM "-" dd                             a real calendar date
 *   year      = 4 digits | "+" 5 to 10 digits | "-" 4 to 10 digits (not all zeros)
 *   time      = HH ":" mm [":" ss ["." 0 to 9 digits]]         HH 00-23, mm and ss 00-59 (no leap second); "." alone is 0
 *   offset    = ("Z" | "z" | sign HH ":" MM [":" SS]) ["[" zone "]"] | sign HH     at most 18:00 either way
 * </pre>
 * The zone in brackets is a Java zone id (such as {@code Europe/Paris}); the offset before it decides the instant. No
 * offset means UTC. Anything else is refused. These are the forms the two earlier parsers (one for API answers, one
 * for webhooks) accepted between them, with the same instants; they differed only on year 1 and before, settled
 * below, and on which padding they trimmed: both kinds are trimmed here.
 *
 * <p>Any instant before {@code 0002-01-01T00:00:00Z} is "none": .NET's minimum value {@code 0001-01-01T00:00:00} is
 * Jellyfin's "never" (e.g. {@code LastPlaybackCheckIn}), whatever offset it carries, and no real date lies in year 1.
 */
public final class JellyfinDates {

    /** The epoch second of 0002-01-01T00:00:00Z: anything earlier means "none". */
    private static final long NONE_BEFORE = LocalDate.of(2, 1, 1).toEpochDay() * 86_400;
    private static final DateTimeFormatter ZONE_IN_BRACKETS = new DateTimeFormatterBuilder()
            .appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').toFormatter();

    private final String text;
    private final int end;
    private int at;

    private JellyfinDates(String text, int start, int end) {
        this.text = text;
        this.at = start;
        this.end = end;
    }

    /**
     * @return the instant, or {@code null} for {@code null}, blank text and anything before year 2
     * @throws DateTimeParseException when the text is not one of the forms above
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && ignorable(text.charAt(start))) {
            start++;
        }
        while (end > start && ignorable(text.charAt(end - 1))) {
            end--;
        }
        return new JellyfinDates(text, start, end).dateTime();
    }

    private static boolean ignorable(char c) {
        return c <= ' ' || Character.isWhitespace(c);
    }

    private Instant dateTime() {
        int year = year();
        expect('-');
        int month = digits(2);
        expect('-');
        int day = digits(2);
        if (at >= end || (text.charAt(at) != 'T' && text.charAt(at) != 't')) {
            throw refused("a 'T' between date and time");
        }
        at++;
        int hour = digits(2);
        expect(':');
        int minute = digits(2);
        int second = 0;
        int nanos = 0;
        if (next(':')) {
            second = digits(2);
            if (next('.')) {
                nanos = fraction();
            }
        }
        int offsetSeconds = offset();
        if (at != end) {
            throw refused("nothing after the date-time");
        }
        long epochSecond;
        try {
            epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400
                    + LocalTime.of(hour, minute, second).toSecondOfDay() - offsetSeconds;
        } catch (DateTimeException outOfRange) {
            throw new DateTimeParseException("Not a Jellyfin date-time (" + outOfRange.getMessage() + "): " + text, text, at,
                    outOfRange);
        }
        return epochSecond < NONE_BEFORE ? null : Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** Four digits, or a sign: '+' only before more than four digits, '-' before four or more. */
    private int year() {
        char sign = at < end ? text.charAt(at) : 0;
        if (sign != '+' && sign != '-') {
            return digits(4);
        }
        at++;
        int from = at;
        long value = 0;
        while (at < end && at - from < 10 && isDigit(text.charAt(at))) {
            value = value * 10 + (text.charAt(at++) - '0');
        }
        int count = at - from;
        if (sign == '+' ? count < 5 : count < 4) {
            throw refused(sign == '+' ? "more than four digits after a '+' year sign" : "four digits in a year");
        }
        if (value > 999_999_999) {
            throw refused("a year from -999999999 to +999999999");
        }
        if (sign == '-' && value == 0) {
            throw refused("no minus sign before year 0");
        }
        return (int) (sign == '-' ? -value : value);
    }

    /** Up to nine digits after the decimal point (none is allowed), as nanoseconds. */
    private int fraction() {
        int nanos = 0;
        int count = 0;
        while (at < end && isDigit(text.charAt(at))) {
            if (++count > 9) {
                throw refused("at most nine fraction digits");
            }
            nanos = nanos * 10 + (text.charAt(at++) - '0');
        }
        for (int i = count; i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    /** The offset in seconds east of UTC; none is 0 (UTC). */
    private int offset() {
        if (at == end) {
            return 0;
        }
        char sign = text.charAt(at);
        int seconds;
        if (sign == 'Z' || sign == 'z') {
            at++;
            seconds = 0;
        } else if (sign == '+' || sign == '-') {
            at++;
            int hours = digits(2);
            if (!next(':')) {
                return signed(sign, hours, 0, 0);
            }
            int minutes = digits(2);
            seconds = next(':') ? signed(sign, hours, minutes, digits(2)) : signed(sign, hours, minutes, 0);
        } else {
            throw refused("'Z', an offset or nothing after the time");
        }
        if (at < end && text.charAt(at) == '[') {
            zoneInBrackets();
        }
        return seconds;
    }

    private int signed(char sign, int hours, int minutes, int seconds) {
        if (hours > 18 || minutes > 59 || seconds > 59) {
            throw refused("an offset of at most 18:00");
        }
        int total = hours * 3600 + minutes * 60 + seconds;
        if (total > ZoneOffset.MAX.getTotalSeconds()) {
            throw refused("an offset of at most 18:00");
        }
        return sign == '-' ? -total : total;
    }

    /** A zone id in brackets, checked by the JDK's own zone-id grammar; rare, so it may cost what it costs. */
    private void zoneInBrackets() {
        ParsePosition position = new ParsePosition(at);
        ZONE_IN_BRACKETS.parseUnresolved(text.substring(0, end), position);
        if (position.getErrorIndex() >= 0) {
            throw refused("a known zone id in brackets");
        }
        at = position.getIndex();
    }

    private int digits(int count) {
        if (end - at < count) {
            throw refused(count + " digits");
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            char c = text.charAt(at + i);
            if (!isDigit(c)) {
                throw refused(count + " digits");
            }
            value = value * 10 + (c - '0');
        }
        at += count;
        return value;
    }

    private void expect(char c) {
        if (!next(c)) {
            throw refused("'" + c + "'");
        }
    }

    private boolean next(char c) {
        if (at < end && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private DateTimeParseException refused(String wanted) {
        return new DateTimeParseException("Not a Jellyfin date-time (expected " + wanted + " at index " + at + "): " + text,
                text, at);
    }
}
