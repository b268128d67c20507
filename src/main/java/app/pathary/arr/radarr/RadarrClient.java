package app.pathary.arr.radarr;

import app.pathary.arr.ArrException;
import app.pathary.arr.ArrInstance;
import app.pathary.arr.DiskSpace;
import app.pathary.arr.MediaManagement;
import app.pathary.arr.SystemStatus;
import app.pathary.arr.Tag;
import java.util.List;
import java.util.Optional;

/**
 * The Radarr v3 API (Radarr 3 to 6 all serve {@code /api/v3}), in Radarr's own vocabulary.
 *
 * <p>Every method takes the {@link ArrInstance} to call, so one client serves any number of instances.
 * Methods throw only {@link ArrException}. "Gone" (a 404 on an id) is read as such only when Radarr itself
 * said so; a 404 from a wrong URL base is thrown as {@link ArrException.NotFound}.
 *
 * <p>A delete that fails with {@link ArrException.Unreachable} (e.g. timed out) may still have happened:
 * read the state again before retrying it.
 */
public interface RadarrClient {

    /** {@code GET /api/v3/system/status}: the connection check; NotArr when the URL is not a Radarr. */
    SystemStatus systemStatus(ArrInstance instance);

    /** {@code GET /api/v3/config/mediamanagement}: recycle bin and "Unmonitor Deleted Movies". */
    MediaManagement mediaManagement(ArrInstance instance);

    /** {@code GET /api/v3/tag}. */
    List<Tag> tags(ArrInstance instance);

    /** {@code GET /api/v3/movie?excludeLocalCovers=true}: every movie, with its file. */
    List<RadarrMovie> movies(ArrInstance instance);

    /** {@code GET /api/v3/movie/{id}}: empty when Radarr says there is no such movie. */
    Optional<RadarrMovie> movie(ArrInstance instance, int id);

    /**
     * {@code DELETE /api/v3/movie/{id}?deleteFiles=&addImportExclusion=}. Radarr removes the entry at once
     * and the folder afterwards, through its recycle bin if one is set, and silently keeps the folder when it
     * is the same as, or a parent of, another movie's folder.
     *
     * @return {@code true} when deleted, {@code false} when Radarr says it was already gone
     */
    boolean deleteMovie(ArrInstance instance, int id, boolean deleteFiles, boolean addImportExclusion);

    /**
     * {@code DELETE /api/v3/moviefile/{id}}. The movie stays; it is unmonitored only when "Unmonitor Deleted
     * Movies" is on.
     *
     * @return {@code true} when deleted, {@code false} when Radarr says it was already gone
     * @throws ArrException.Conflict when the root folder is missing or empty (an unmounted share)
     */
    boolean deleteMovieFile(ArrInstance instance, int movieFileId);

    /**
     * Reads the movie and {@code PUT}s it back with only {@code monitored} changed, keeping every field
     * Radarr sent (Radarr answers 202 with the updated movie).
     *
     * @throws ArrException.NotFound when the movie does not exist
     */
    RadarrMovie setMonitored(ArrInstance instance, int movieId, boolean monitored);

    /** {@code GET /api/v3/diskspace}. */
    List<DiskSpace> diskSpace(ArrInstance instance);

    /** {@code GET /api/v3/rootfolder}: the folders the library lives in (a cleanup never deletes one). */
    List<app.pathary.arr.RootFolder> rootFolders(ArrInstance instance);
}
