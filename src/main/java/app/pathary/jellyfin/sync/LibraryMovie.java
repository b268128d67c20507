package app.pathary.jellyfin.sync;

import java.time.Instant;

/** One movie item of a user's Jellyfin library, with that user's played state and its running time (minutes, or null). */
record LibraryMovie(String itemId, Integer tmdbId, String imdbId, String name, Integer year, String overview,
        boolean played, int playCount, Instant lastPlayed, Integer runtimeMinutes) {
}
