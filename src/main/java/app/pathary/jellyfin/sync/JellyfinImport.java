package app.pathary.jellyfin.sync;

import app.pathary.common.Plural;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.job.JobContext;
import app.pathary.movie.NewMovie;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jellyfin plays become watch dates. A movie is a TMDb id (all its copies count together): the latest last-played
 * date of its played copies becomes a watch date with one play, unless the user already has a date on that day.
 * Existing dates are never changed; items without a TMDb id are counted and left alone.
 */
public final class JellyfinImport {
    private final JellyfinAccess access;
    private final JellyfinLibrary library;
    private final JellyfinItemIndex index;
    private final WatchHistory history;
    private final ZoneId zone;

    JellyfinImport(JellyfinAccess access, JellyfinLibrary library, JellyfinItemIndex index, WatchHistory history, ZoneId zone) {
        this.access = access;
        this.library = library;
        this.index = index;
        this.history = history;
        this.zone = zone;
    }

    public record Summary(int scanned, int played, int added, int alreadyPresent, int withoutTmdbId) {
        @Override
        public String toString() {
            return "Scanned " + Plural.of(scanned, "item") + ", " + played + " played; added " + Plural.of(added, "watch date") + ", "
                    + alreadyPresent + " already present; " + Plural.of(withoutTmdbId, "item") + " without a TMDb id "
                    + (withoutTmdbId == 1 ? "was" : "were") + " skipped.";
        }
    }

    public Summary run(long userId, JobContext progress) {
        JellyfinAccess.Session session = access.of(userId);
        List<LibraryMovie> movies;
        try {
            movies = library.movies(session.server(), session.jellyfinUserId(), progress);
        } catch (JellyfinException.Unauthorized e) {
            throw access.revoked(session);
        }
        Map<Integer, LibraryMovie> latestPlayed = new LinkedHashMap<>();
        Map<Integer, String> imdbIds = new java.util.HashMap<>();
        int played = 0;
        int withoutTmdb = 0;
        for (LibraryMovie movie : movies) {
            if (movie.tmdbId() == null) {
                withoutTmdb++;
                continue;
            }
            if (movie.imdbId() != null) {
                imdbIds.putIfAbsent(movie.tmdbId(), movie.imdbId());
            }
            if (!movie.played()) {
                continue;
            }
            played++;
            if (movie.lastPlayed() != null) {
                latestPlayed.merge(movie.tmdbId(), movie, (a, b) -> later(a.lastPlayed(), b.lastPlayed()) == a.lastPlayed() ? a : b);
            }
        }
        List<HistoryCommand> commands = new ArrayList<>();
        for (LibraryMovie movie : latestPlayed.values()) {
            commands.add(new HistoryCommand.MergeDate(new MovieRef.CreateIfMissing(newMovie(movie, imdbIds.get(movie.tmdbId()))),
                    watchDate(movie.lastPlayed()), 1, null));
        }
        int added = commands.isEmpty() ? 0 : history.apply(userId, commands, Source.JELLYFIN_IMPORT).size();
        index.replace(userId, movies);
        return new Summary(movies.size(), played, added, commands.size() - added, withoutTmdb);
    }

    /**
     * The day of Jellyfin's "last played" in {@code TIMEZONE}; "date unknown" when it lies outside the window of watch
     * dates (a server whose clock was wrong): the movie was played, but not on a date anyone can believe.
     */
    private java.time.LocalDate watchDate(Instant lastPlayed) {
        try {
            java.time.LocalDate date = lastPlayed.atZone(zone).toLocalDate();
            return history.window().contains(date) ? date : null;
        } catch (java.time.DateTimeException tooFar) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The movie as Jellyfin describes it (the IMDb id from any copy), with values Pathary would refuse left out. */
    private static NewMovie newMovie(LibraryMovie movie, String anyCopysImdbId) {
        String name = movie.name() == null || movie.name().isBlank() ? "TMDb " + movie.tmdbId() : movie.name();
        String imdb = anyCopysImdbId != null && anyCopysImdbId.matches("tt\\d{5,10}") ? anyCopysImdbId : null;
        Integer year = movie.year() != null && movie.year() >= 1870 && movie.year() <= 2200 ? movie.year() : null;
        return new NewMovie(movie.tmdbId(), imdb, name.length() > 500 ? name.substring(0, 500) : name, year, movie.overview());
    }
}
