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
public record HistoryChange(long userId, Movie movie, Kind kind, LocalDate date, Source source) {
    public long movieId() {
        return movie.id();
    }

    public enum Kind { ADDED, REMOVED, ALL_REMOVED }

    /** JELLYFIN_CATCHUP: a play the catch-up sync found in Jellyfin; WEBHOOK_MARK: a hand mark in Jellyfin the user counts. */
    public enum Source { PAGE, API, CLI, CSV_IMPORT, WEBHOOK, JELLYFIN_IMPORT, JELLYFIN_CATCHUP, WEBHOOK_MARK }
}
