package app.pathary.history;

import app.pathary.movie.Movie;
import java.time.LocalDate;

/**
 * What changed in a user's history, told to every {@link HistoryListener.InTransaction} inside the change's
 * transaction and to every {@link HistoryListener} after the commit.
 *
 * @param movie    the movie concerned, as stored
 * @param kind     added (plays added or a date set) or removed (a date, or all dates of the movie)
 * @param date     the date concerned; null for an unknown date, and for {@link Kind#ALL_REMOVED}
 * @param source   where the change came from, so a reaction can skip its own echo (e.g. a Jellyfin import)
 */
public record HistoryChange(long userId, Movie movie, Kind kind, LocalDate date, Source source) implements DatedChange {
    public long movieId() {
        return movie.id();
    }

    public enum Kind { ADDED, REMOVED, ALL_REMOVED }

    /**
     * Where a change came from. {@link #CATCHUP} is a play the catch-up sync found that the webhook missed; {@link #MARK}
     * a "played" mark set by hand in Jellyfin. Episode dates store {@link #stored()} as their source.
     */
    public enum Source {
        PAGE, API, CLI, CSV_IMPORT, WEBHOOK, JELLYFIN_IMPORT, CATCHUP, MARK;

        /** The text stored as an episode date's source: page, api, cli, import, webhook, jellyfin, catchup, mark. */
        public String stored() {
            return switch (this) {
                case CSV_IMPORT -> "import";
                case JELLYFIN_IMPORT -> "jellyfin";
                default -> name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
