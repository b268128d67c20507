package app.pathary.history;

import app.pathary.common.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one window a watch date must lie in, whatever brings it (webhook, JSON API, form, CSV import, CLI, Jellyfin
 * import): from {@link #EARLIEST} (the first moving pictures) to tomorrow in {@code TIMEZONE} (a play that ended just
 * after midnight somewhere east of here). Text is read strictly as {@code yyyy-MM-dd}: no year sign, no fifth digit.
 */
public final class WatchDateWindow {
    public static final LocalDate EARLIEST = LocalDate.of(1888, 1, 1);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private final Clock clock;
    private final ZoneId zone;

    public WatchDateWindow(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Tomorrow in {@code TIMEZONE}: the latest date accepted. */
    public LocalDate latest() {
        return LocalDate.now(clock.withZone(zone)).plusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(latest());
    }

    /** The date when it lies in the window (null passes: it means "date unknown"); otherwise a 400 naming the field. */
    public LocalDate check(LocalDate date, String field) {
        if (date != null && !contains(date)) {
            throw new InvalidInputException(outside(field, date.toString()));
        }
        return date;
    }

    /** Reads {@code yyyy-MM-dd} text (blank is null: date unknown) and checks it against the window. */
    public LocalDate parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return check(parseStrictly(text.strip(), field), field);
    }

    /** Reads {@code yyyy-MM-dd} text without the window check (deleting a date needs no window). */
    public static LocalDate parseStrictly(String text, String field) {
        if (!ISO_DATE.matcher(text).matches()) {
            throw new InvalidInputException(field + " must be a date as yyyy-MM-dd, not '" + shortened(text) + "'.");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be a date as yyyy-MM-dd (a real calendar date), not '" + text + "'.");
        }
    }

    /** The sentence for a date outside the window. */
    public String outside(String field, String given) {
        return field + " must be a date from " + EARLIEST + " to " + latest() + ", not '" + shortened(given) + "'.";
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
