package app.pathary.history;

import app.pathary.common.InvalidInputException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The fields of a watch-date form, read the same way for movies and episodes: {@code watchedAt} (empty: date unknown),
 * {@code plays} (default 1), {@code comment}, and on an edit {@code newWatchedAt}, the date the watch moves to.
 */
final class DateForm {
    private DateForm() {
    }

    /** What an edit asks: keep or move the date ({@code moved}), with these plays and comment. */
    record Edit(LocalDate old, LocalDate target, int plays, String comment) {
        boolean moved() {
            return !Objects.equals(old, target);
        }
    }

    static Edit edit(Context ctx, WatchDateWindow window) {
        LocalDate old = date(ctx, false, window);
        String moved = ctx.formParam("newWatchedAt");
        LocalDate target = moved == null ? old : moved.isBlank() ? null
                : window.check(WatchDateWindow.parseStrictly(moved.strip(), "The new date (newWatchedAt)"), "The new date (newWatchedAt)");
        if (Objects.equals(old, target) && old != null) {
            window.check(old, "The date");
        }
        return new Edit(old, target, plays(ctx), ctx.formParam("comment"));
    }

    /** An empty date field means "date unknown". A date to store must lie in the window; a date to delete need only be a date. */
    static LocalDate date(Context ctx, boolean toStore, WatchDateWindow window) {
        String value = ctx.formParam("watchedAt");
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = WatchDateWindow.parseStrictly(value.strip(), "The date");
        return toStore ? window.check(date, "The date") : date;
    }

    static int plays(Context ctx) {
        String value = ctx.formParam("plays");
        if (value == null || value.isBlank()) {
            return 1;
        }
        if (!value.strip().matches("\\d{1,6}")) {
            throw new InvalidInputException("Plays must be a whole number.");
        }
        return Integer.parseInt(value.strip());
    }
}
