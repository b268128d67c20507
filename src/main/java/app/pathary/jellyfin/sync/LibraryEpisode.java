package app.pathary.jellyfin.sync;

import app.pathary.show.ShowIds;
import java.time.Instant;

/**
 * One episode item of a user's Jellyfin, with its series' provider ids (read from the series item: episodes carry none
 * of their series') and that user's played state. The same episode in two libraries is two items with one {@link #key}.
 */
record LibraryEpisode(String itemId, LibrarySeries series, int season, int number, Integer endNumber, String title,
        boolean played, int playCount, Instant lastPlayed) {

    /** The series as Jellyfin names it: provider ids, title and first-air year. */
    record LibrarySeries(String itemId, ShowIds ids, String title, Integer year) {
        /** One id to group copies of a series by: TVDb, else TMDb, else IMDb. */
        String key() {
            return ids.tvdbId() != null ? "tvdb:" + ids.tvdbId() : ids.tmdbId() != null ? "tmdb:" + ids.tmdbId() : "imdb:" + ids.imdbId();
        }
    }

    /** The episode whichever library holds it: the series' key, season and number. */
    String key() {
        return series.key() + "/" + season + "/" + number;
    }
}
