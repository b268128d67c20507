package app.pathary.arr.sonarr;

import java.time.Instant;

/**
 * One season of a series with its statistics (zeros when Sonarr sent none).
 *
 * @param episodeFileCount  episodes that have a file (not files: a multi-episode file counts for each)
 * @param episodeCount      monitored aired episodes plus any episode with a file
 * @param totalEpisodeCount every episode Sonarr knows, aired or not
 * @param sizeOnDisk        bytes of the season's files
 * @param nextAiring        the next monitored episode without a file still to air, or {@code null}
 */
public record SeasonInfo(int seasonNumber, boolean monitored, int episodeFileCount, int episodeCount,
                         int totalEpisodeCount, long sizeOnDisk, Instant nextAiring) {
}
