package app.pathary.arr.radarr;

import java.util.List;

/**
 * A movie as Radarr lists it ({@code MovieResource}), the parts a cleanup needs.
 *
 * @param year       {@code null} when Radarr has none (0)
 * @param tmdbId     {@code null} when unknown (0)
 * @param imdbId     e.g. {@code tt6264654}, or {@code null}
 * @param path       the movie folder in Radarr's path namespace
 * @param tags       tag ids (see {@code tags()})
 * @param movieFile  {@code null} when the movie has no file
 * @param sizeOnDisk bytes, 0 without a file
 */
public record RadarrMovie(int id, String title, Integer year, Integer tmdbId, String imdbId, String path,
                          boolean monitored, List<Integer> tags, MovieFile movieFile, long sizeOnDisk) {

    public RadarrMovie {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean hasFile() {
        return movieFile != null;
    }
}
