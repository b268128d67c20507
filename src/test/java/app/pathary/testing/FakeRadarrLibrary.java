package app.pathary.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The movies of {@link FakeRadarr} and what deleting them does. Callers hold the settings lock. */
final class FakeRadarrLibrary {

    final FakeArrSettings settings;
    final Map<Integer, FakeRadarrMovie> movies = new LinkedHashMap<>();
    final Map<Integer, FakeRadarrMovie> everMovies = new LinkedHashMap<>();
    final List<Integer> importExclusions = new ArrayList<>();
    private int nextMovieId = 1;
    private int nextFileId = 1;

    FakeRadarrLibrary(FakeArrSettings settings) {
        this.settings = settings;
    }

    FakeRadarrMovie add(String title, int year, int tmdbId, String path) {
        FakeRadarrMovie movie = new FakeRadarrMovie(settings, () -> nextFileId++, nextMovieId++, title, year, tmdbId,
                path, settings.now());
        settings.registerRootFolderOf(path);
        movies.put(movie.id, movie);
        everMovies.put(movie.id, movie);
        return movie;
    }

    FakeRadarrMovie movie(int id) {
        FakeRadarrMovie movie = movies.get(id);
        if (movie == null) {
            throw FakeArrError.modelNotFound("Movie", id);
        }
        return movie;
    }

    /**
     * {@code DELETE /movie/{id}}: the entry goes at once; with {@code deleteFiles} the folder goes too,
     * unless it is the same as or a parent of another movie's folder, or the root folder is missing (Radarr
     * then only logs).
     */
    void deleteMovie(int id, boolean deleteFiles, boolean addImportExclusion) {
        FakeRadarrMovie movie = movie(id);
        movies.remove(id);
        movie.exists = false;
        if (addImportExclusion) {
            importExclusions.add(movie.tmdbId);
        }
        boolean shared = movies.values().stream().anyMatch(other -> FakeArrSettings.isSameOrParent(movie.path, other.path));
        if (deleteFiles && !shared && !settings.rootFolderMissing) {
            settings.deleted(movie.path, movie.fileSize);
        }
    }

    /** {@code DELETE /moviefile/{id}}: 409 without the root folder; unmonitors when the setting says so. */
    void deleteMovieFile(int fileId) {
        FakeRadarrMovie movie = movies.values().stream().filter(m -> m.fileId == fileId && fileId > 0).findFirst()
                .orElseThrow(() -> FakeArrError.modelNotFound("MovieFile", fileId));
        settings.requireRootFolder(movie.path, "Movie's");
        settings.deleted(movie.filePath, movie.fileSize);
        movie.fileId = 0;
        movie.filePath = null;
        movie.fileSize = 0;
        if (settings.unmonitorDeleted) {
            movie.monitored = false;
        }
    }
}
