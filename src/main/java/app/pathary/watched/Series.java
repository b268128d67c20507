package app.pathary.watched;

/** A series as Jellyfin describes it, with the ids the *arr know it by. */
public record Series(String id, String name, String path, Integer tvdbId, Integer tmdbId) {
}
