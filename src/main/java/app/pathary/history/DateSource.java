package app.pathary.history;

import app.pathary.history.HistoryChange.Source;

/**
 * The {@code watch_dates.source} of a new date: where a date came from when the user should be able to tell (a play
 * the catch-up sync found in Jellyfin, a hand mark in Jellyfin); null for a play Pathary saw itself. A date keeps the
 * source it was created with: plays added to it later do not change it.
 */
public final class DateSource {
    public static final String CATCHUP = "catchup";
    public static final String MARK = "mark";

    private DateSource() {
    }

    /**
     * The stored value for a movie date a change from {@code source} creates: only the sources a user must be able to
     * tell apart are kept (episode dates keep every {@link Source#stored()}; the two agree on these).
     */
    static String of(Source source) {
        return switch (source) {
            case CATCHUP -> CATCHUP;
            case MARK -> MARK;
            case PAGE, API, CLI, CSV_IMPORT, WEBHOOK, JELLYFIN_IMPORT -> null;
        };
    }

    /** What the pages show beside such a date. */
    public static String label(String stored) {
        if (stored == null) {
            return null;
        }
        return switch (stored) {
            case CATCHUP -> "from catch-up";
            case MARK -> "marked in Jellyfin";
            default -> null;
        };
    }
}
