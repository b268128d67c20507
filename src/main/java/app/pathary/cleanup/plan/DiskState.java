package app.pathary.cleanup.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One disk as the *arr see it when a plan is made, its limits and what disk pressure made of it.
 *
 * @param name           the disk's mount point as the first instance that reports it sees it (e.g. {@code /movies})
 * @param freeBytes      free space; null when unknown (a failed or missing read: never "0 free")
 * @param totalBytes     size; null when no instance gives it (a network mount Sonarr leaves out of /diskspace)
 * @param figureFrom     where the figures came from ("/diskspace of radarr", "root folder /tv of sonarr: not in /diskspace")
 * @param rootFolders    the root folders on it, as "instance path"
 * @param threshold      the limit where deleting starts ("90 %", "200.0 GB free"); null when none applies
 * @param target         the limit where deleting stops
 * @param targetFree     the free bytes the target asks for; null when it cannot be told
 * @param status         {@code ok} (under the threshold), {@code over} (disk pressure), {@code unknown} or {@code no-limit}
 * @param note           the sentence that says why (unknown figures, a share asked of a disk of unknown size, what was chosen)
 * @param chosenBytes    bytes of the deletions disk pressure added on this disk
 * @param projectedFree  free space once this plan's deletions on this disk are done; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiskState(String name, Long freeBytes, Long totalBytes, String figureFrom, List<String> rootFolders, String threshold,
        String target, Long thresholdFree, Long targetFree, String status, String note, long chosenBytes, Long projectedFree) {
    public static final String OK = "ok";
    public static final String OVER = "over";
    public static final String UNKNOWN = "unknown";
    public static final String NO_LIMIT = "no-limit";

    public DiskState {
        rootFolders = List.copyOf(rootFolders);
    }

    /** Figures only, before the limits are looked at. */
    static DiskState figures(String name, Long free, Long total, String from, List<String> rootFolders, String unknownBecause) {
        return new DiskState(name, free, total, from, rootFolders, null, null, null, null, free == null ? UNKNOWN : NO_LIMIT,
                unknownBecause, 0, free);
    }

    DiskState judged(String thresholdText, String targetText, Long thresholdFreeBytes, Long targetFreeBytes, String newStatus, String newNote) {
        return new DiskState(name, freeBytes, totalBytes, figureFrom, rootFolders, thresholdText, targetText, thresholdFreeBytes,
                targetFreeBytes, newStatus, newNote, chosenBytes, projectedFree);
    }

    DiskState projected(long chosen, Long projected, String newNote) {
        return new DiskState(name, freeBytes, totalBytes, figureFrom, rootFolders, threshold, target, thresholdFree, targetFree, status,
                newNote, chosen, projected);
    }

    /** Whole percent in use; null when the size or free space is unknown. */
    public Integer usedPercent() {
        return freeBytes == null || totalBytes == null || totalBytes <= 0 ? null
                : (int) Math.round((totalBytes - freeBytes) * 100.0 / totalBytes);
    }

    public boolean known() {
        return freeBytes != null;
    }
}
