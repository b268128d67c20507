package app.pathary.arr;

/**
 * {@code GET /api/v3/rootfolder}: a folder the *arr keeps its movies or series in (its own path namespace).
 *
 * @param accessible whether the *arr can reach the folder right now (false: an unmounted share)
 * @param freeSpace  bytes, or {@code null} when the *arr does not say
 */
public record RootFolder(int id, String path, boolean accessible, Long freeSpace) {
}
