package app.pathary.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes instants for people: in the configured {@code TIMEZONE}, always labelled with the zone's short name
 * ("2026-12-07 11:15 CET"), so a time never reads as UTC when it is not. Null prints as "never".
 */
public record Times(ZoneId zone) {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** "2026-12-07 11:15 CET". */
    public String minute(Instant instant) {
        return format(instant, MINUTE, true);
    }

    /** "2026-12-07 11:15:42 CET". */
    public String second(Instant instant) {
        return format(instant, SECOND, true);
    }

    /** The calendar date in the zone: "2026-12-07". */
    public String day(Instant instant) {
        return format(instant, DAY, false);
    }

    /** The zone's label as printed after each time ("CET", "UTC"). */
    public String label(Instant at) {
        return LABEL.format((at == null ? Instant.EPOCH : at).atZone(zone));
    }

    private String format(Instant instant, DateTimeFormatter pattern, boolean labelled) {
        if (instant == null) {
            return "never";
        }
        String text = pattern.format(instant.atZone(zone));
        return labelled ? text + " " + label(instant) : text;
    }
}
