package app.pathary.history.portable;

import app.pathary.history.LibraryTitles;
import app.pathary.movie.Movie;
import app.pathary.movie.MovieQueries;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the TMDb id of a movie a file names only by title and year (Letterboxd): among the movies Pathary knows and the
 * films of the user's Jellyfin library. A match needs the same title (compared loosely) and the same year, and exactly
 * one movie: two candidates are left for the user to choose, as is a title nobody knows.
 */
final class TitleMatcher {
    private static final int CANDIDATES = 50;
    /** Jellyfin searches one file may make (each is a request to the user's server); titles past it stay unmatched. */
    static final int MAX_LIBRARY_SEARCHES = 300;
    private final MovieQueries movies;
    private final LibraryTitles library;

    TitleMatcher(MovieQueries movies, LibraryTitles library) {
        this.movies = movies;
        this.library = library;
    }

    record Match(int tmdbId, String imdbId) {
    }

    /** One look-up per distinct title and year of the file. */
    Map<String, Match> match(long userId, boolean admin, Iterable<FileMovie> wanted) {
        Map<String, Match> found = new HashMap<>();
        Map<String, Boolean> asked = new HashMap<>();
        int[] searches = {0};
        for (FileMovie movie : wanted) {
            if (movie.tmdbId() != null || asked.put(movie.key(), true) != null) {
                continue;
            }
            Match match = one(userId, admin, movie, searches);
            if (match != null) {
                found.put(movie.key(), match);
            }
        }
        return found;
    }

    private Match one(long userId, boolean admin, FileMovie wanted, int[] searches) {
        String title = FileMovie.normalized(wanted.title());
        Map<Integer, Match> candidates = new LinkedHashMap<>();
        for (Movie movie : movies.searchByTitle(wanted.title(), CANDIDATES)) {
            if (FileMovie.normalized(movie.title()).equals(title) && Objects.equals(movie.year(), wanted.year())) {
                candidates.put(movie.tmdbId(), new Match(movie.tmdbId(), movie.imdbId()));
            }
        }
        if (candidates.size() == 1 || searches[0]++ >= MAX_LIBRARY_SEARCHES) {
            return candidates.size() == 1 ? candidates.values().iterator().next() : null;
        }
        for (LibraryTitles.Found film : library.find(userId, admin, wanted.title(), CANDIDATES)) {
            if (film.tmdbId() != null && FileMovie.normalized(film.title()).equals(title) && Objects.equals(film.year(), wanted.year())) {
                candidates.putIfAbsent(film.tmdbId(), new Match(film.tmdbId(), film.imdbId()));
            }
        }
        return candidates.size() == 1 ? candidates.values().iterator().next() : null;
    }
}
