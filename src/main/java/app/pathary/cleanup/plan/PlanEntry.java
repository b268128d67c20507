package app.pathary.cleanup.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line of a cleanup plan. {@code action}: {@code delete-movie}, {@code delete-episode-files}, {@code leaving} (a
 * deletion announced for a later date: nothing executes it), {@code keep} or {@code unmatched}; every entry carries its reasons. The details below {@code reasons} are what the executor needs.
 *
 * @param movieAction    delete-movie: {@code delete-movie-and-files} or {@code delete-file-and-unmonitor}
 * @param movieFileId    delete-movie: the file planned for deletion (re-checked before acting)
 * @param episodeFileIds delete-episode-files: the Sonarr episode files, all of one series
 * @param episodeIds     delete-episode-files: exactly the episodes to unmonitor
 * @param deleteSeries   delete-episode-files: the series entry goes too (opted in, ended, no file left)
 * @param disk           a deletion disk pressure chose (made due now, or its grace shortened): the disk it frees space on;
 *                       the executor stops these once the disk reaches its target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanEntry(String action, String instance, Integer arrId, List<String> jellyfinIds, String title, String path,
        long bytes, List<String> reasons, String movieAction, Integer movieFileId, List<Integer> episodeFileIds,
        List<Integer> episodeIds, Boolean deleteSeries, String disk) {

    public static final String DELETE_MOVIE = "delete-movie";
    public static final String DELETE_EPISODE_FILES = "delete-episode-files";
    public static final String LEAVING = "leaving";
    public static final String KEEP = "keep";
    public static final String UNMATCHED = "unmatched";

    public PlanEntry {
        jellyfinIds = List.copyOf(jellyfinIds);
        reasons = List.copyOf(reasons);
        episodeFileIds = episodeFileIds == null ? null : List.copyOf(episodeFileIds);
        episodeIds = episodeIds == null ? null : List.copyOf(episodeIds);
    }

    /** Not chosen by disk pressure. */
    public PlanEntry(String action, String instance, Integer arrId, List<String> jellyfinIds, String title, String path, long bytes,
            List<String> reasons, String movieAction, Integer movieFileId, List<Integer> episodeFileIds, List<Integer> episodeIds,
            Boolean deleteSeries) {
        this(action, instance, arrId, jellyfinIds, title, path, bytes, reasons, movieAction, movieFileId, episodeFileIds, episodeIds,
                deleteSeries, null);
    }

    /** This entry as a deletion disk pressure chose on {@code diskName}, with {@code why} said first. */
    public PlanEntry chosenFor(String diskName, String action, List<String> why) {
        List<String> all = new java.util.ArrayList<>(why);
        all.addAll(reasons);
        return new PlanEntry(action, instance, arrId, jellyfinIds, title, path, bytes, all, movieAction, movieFileId, episodeFileIds,
                episodeIds, deleteSeries, diskName);
    }

    static PlanEntry keep(String instance, Integer arrId, List<String> jellyfinIds, String title, String path, List<String> reasons) {
        return new PlanEntry(KEEP, instance, arrId, jellyfinIds, title, path, 0, reasons, null, null, null, null, null);
    }

    static PlanEntry unmatched(List<String> jellyfinIds, String title, String path, List<String> reasons) {
        return new PlanEntry(UNMATCHED, null, null, jellyfinIds, title, path, 0, reasons, null, null, null, null, null);
    }

    public boolean deletes() {
        return action.equals(DELETE_MOVIE) || action.equals(DELETE_EPISODE_FILES);
    }
}
