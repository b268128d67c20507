package app.pathary.arr;

/**
 * {@code GET /api/v3/diskspace}: one filesystem as the *arr sees it (its own path namespace).
 *
 * @param freeSpace  bytes
 * @param totalSpace bytes
 */
public record DiskSpace(String path, long freeSpace, long totalSpace) {
}
