package app.pathary.arr;

/**
 * The settings of {@code GET /api/v3/config/mediamanagement} that change what a delete means.
 *
 * @param recycleBinEnabled a recycle bin folder is set: deleted files are moved there, so no space is freed
 *                          until the *arr empties it
 * @param unmonitorDeleted  {@code autoUnmonitorPreviouslyDownloadedMovies} (Radarr) or
 *                          {@code autoUnmonitorPreviouslyDownloadedEpisodes} (Sonarr): deleting a file also
 *                          unmonitors what it held
 */
public record MediaManagement(boolean recycleBinEnabled, boolean unmonitorDeleted) {
}
