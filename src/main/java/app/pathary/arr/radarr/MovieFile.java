package app.pathary.arr.radarr;

/**
 * A movie's file ({@code MovieFileResource}).
 *
 * @param path absolute, in Radarr's path namespace (the movie folder plus the relative path)
 * @param size bytes
 */
public record MovieFile(int id, String path, long size) {
}
