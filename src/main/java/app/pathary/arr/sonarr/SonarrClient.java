package app.pathary.arr.sonarr;

import app.pathary.arr.ArrException;
import app.pathary.arr.ArrInstance;
import app.pathary.arr.DiskSpace;
import app.pathary.arr.MediaManagement;
import app.pathary.arr.SystemStatus;
import app.pathary.arr.Tag;
import java.util.List;
import java.util.Optional;

/**
 * The Sonarr v3 API (served by Sonarr 3 and 4), in Sonarr's own vocabulary.
 *
 * <p>Every method takes the {@link ArrInstance} to call. Methods throw only {@link ArrException}. One
 * episode file can back several episodes (a multi-episode file): deleting it detaches all of them, and a
 * second delete of the same file answers "already gone".
 *
 * <p>A delete that fails with {@link ArrException.Unreachable} (e.g. timed out) may still have happened:
 * read the state again before retrying it.
 */
public interface SonarrClient {

    /** {@code GET /api/v3/system/status}: the connection check; NotArr when the URL is not a Sonarr. */
    SystemStatus systemStatus(ArrInstance instance);

    /** {@code GET /api/v3/config/mediamanagement}: recycle bin and "Unmonitor Deleted Episodes". */
    MediaManagement mediaManagement(ArrInstance instance);

    /** {@code GET /api/v3/tag}. */
    List<Tag> tags(ArrInstance instance);

    /** {@code GET /api/v3/diskspace}. */
    List<DiskSpace> diskSpace(ArrInstance instance);

    /** {@code GET /api/v3/rootfolder}: the folders the library lives in (a cleanup never deletes one). */
    List<app.pathary.arr.RootFolder> rootFolders(ArrInstance instance);

    /** {@code GET /api/v3/series}: every series with per-season statistics. */
    List<SonarrSeries> series(ArrInstance instance);

    /** {@code GET /api/v3/series/{id}}: empty when Sonarr says there is no such series. */
    Optional<SonarrSeries> series(ArrInstance instance, int id);

    /** {@code GET /api/v3/episode?seriesId=}: every episode of the series (empty for an unknown series). */
    List<SonarrEpisode> episodes(ArrInstance instance, int seriesId);

    /**
     * {@code GET /api/v3/episodefile?seriesId=}: the files with absolute paths (works on every v3/v4 build,
     * unlike {@code includeEpisodeFile}). Empty when Sonarr says the series does not exist.
     */
    List<EpisodeFile> episodeFiles(ArrInstance instance, int seriesId);

    /**
     * {@code DELETE /api/v3/episodefile/{id}}. Episodes on the file are unmonitored only when "Unmonitor
     * Deleted Episodes" is on; call {@link #monitorEpisodes} to be sure.
     *
     * @return {@code true} when deleted, {@code false} when Sonarr says it was already gone
     * @throws ArrException.Conflict when the root folder is missing or empty (an unmounted share)
     */
    boolean deleteEpisodeFile(ArrInstance instance, int episodeFileId);

    /**
     * {@code PUT /api/v3/episode/monitor} with exactly these episodes (Sonarr answers 202). Nothing is sent
     * for an empty list. An unknown id is {@link ArrException.NotFound} when it is the only one and
     * {@link ArrException.UnexpectedStatus} 500 among several (Sonarr then still updates the known ones).
     */
    void monitorEpisodes(ArrInstance instance, List<Integer> episodeIds, boolean monitored);

    /**
     * {@code DELETE /api/v3/series/{id}?deleteFiles=&addImportListExclusion=}. Sonarr answers 500 for an
     * unknown id; the client then looks the series up and reports "already gone" only if it is.
     *
     * @return {@code true} when deleted, {@code false} when it was already gone
     */
    boolean deleteSeries(ArrInstance instance, int id, boolean deleteFiles, boolean addImportListExclusion);
}
