package app.pathary.movie;

/** A movie, shared by all users, identified by its TMDb id. */
public record Movie(long id, int tmdbId, String imdbId, String title, Integer year, String overview) {
}
