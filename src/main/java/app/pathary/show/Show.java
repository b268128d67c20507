package app.pathary.show;

/** A TV show, shared by all users, known by at least one provider id (TVDb, TMDb, IMDb). */
public record Show(long id, Integer tvdbId, Integer tmdbId, String imdbId, String title, Integer year) {
}
