package app.pathary.history;

import app.pathary.movie.NewMovie;

/**
 * Names the movie of a history command: by Pathary id, or by TMDb id (with what is needed to create the movie
 * when it is not known yet).
 */
public sealed interface MovieRef {
    record ById(long movieId) implements MovieRef {
    }

    record ByTmdbId(int tmdbId) implements MovieRef {
    }

    record CreateIfMissing(NewMovie movie) implements MovieRef {
    }
}
