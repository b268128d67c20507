package app.pathary.arr.radarr;

import app.pathary.arr.ArrObject;

/** Reads {@code MovieResource} JSON into {@link RadarrMovie}. */
final class RadarrMovies {

    private RadarrMovies() {
    }

    static RadarrMovie from(ArrObject movie) {
        String path = movie.text("path");
        ArrObject statistics = movie.object("statistics");
        long sizeOnDisk = movie.has("sizeOnDisk") ? movie.longOr("sizeOnDisk", 0)
                : statistics == null ? 0 : statistics.longOr("sizeOnDisk", 0);
        return new RadarrMovie(movie.requiredInt("id"), movie.text("title"), movie.positiveIntOrNull("year"),
                movie.positiveIntOrNull("tmdbId"), movie.text("imdbId"), path, movie.bool("monitored"),
                movie.ints("tags"), file(movie.object("movieFile"), path), sizeOnDisk);
    }

    private static MovieFile file(ArrObject file, String moviePath) {
        if (file == null) {
            return null;
        }
        String path = file.text("path");
        String relativePath = file.text("relativePath");
        if (path == null && relativePath != null && moviePath != null) {
            path = moviePath.replaceAll("[/\\\\]+$", "") + "/" + relativePath;
        }
        return new MovieFile(file.requiredInt("id"), path, file.longOr("size", 0));
    }
}
