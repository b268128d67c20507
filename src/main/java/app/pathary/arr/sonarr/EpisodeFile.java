package app.pathary.arr.sonarr;

/**
 * An episode file ({@code EpisodeFileResource}).
 *
 * @param path absolute, in Sonarr's path namespace (the series folder plus the relative path)
 * @param size bytes
 */
public record EpisodeFile(int id, int seriesId, int seasonNumber, String path, long size) {
}
