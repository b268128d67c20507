package app.pathary.arr.sonarr;

import java.time.Instant;

/**
 * An episode ({@code EpisodeResource}).
 *
 * @param episodeFileId the file holding it, 0 when none; several episodes may share one file
 * @param airDateUtc    {@code null} when not yet known
 */
public record SonarrEpisode(int id, int seriesId, int seasonNumber, int episodeNumber, int episodeFileId,
                            boolean hasFile, boolean monitored, Instant airDateUtc) {
}
