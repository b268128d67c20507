package app.pathary.watched;

import java.time.Instant;

/**
 * A movie or an episode with a file, as Jellyfin describes it (the same for every user).
 *
 * @param seasonNumber  episodes: the season (0 = specials); null for movies
 * @param episodeNumber episodes: the first episode number; {@code episodeEnd} the last one of a multi-episode file
 * @param year          the production year Jellyfin knows, or null
 */
record MediaItem(
        String id,
        Kind kind,
        String name,
        String path,
        Integer tmdbId,
        Integer tvdbId,
        Instant dateCreated,
        String seriesId,
        String seriesName,
        String seasonId,
        Integer seasonNumber,
        Integer episodeNumber,
        Integer episodeEnd,
        Integer year) {

    /** An item whose production year is not known. */
    MediaItem(String id, Kind kind, String name, String path, Integer tmdbId, Integer tvdbId, Instant dateCreated, String seriesId,
            String seriesName, String seasonId, Integer seasonNumber, Integer episodeNumber, Integer episodeEnd) {
        this(id, kind, name, path, tmdbId, tvdbId, dateCreated, seriesId, seriesName, seasonId, seasonNumber, episodeNumber, episodeEnd, null);
    }

    public enum Kind { MOVIE, EPISODE }

    public boolean isEpisode() {
        return kind == Kind.EPISODE;
    }

    /** "S01E02" or "S01E02-E03" for episodes, the name for movies. */
    public String label() {
        if (!isEpisode()) {
            return name;
        }
        String episode = episodeNumber == null ? "E?" : String.format("E%02d", episodeNumber);
        String end = episodeEnd != null && episodeNumber != null && episodeEnd > episodeNumber ? String.format("-E%02d", episodeEnd) : "";
        return String.format("S%02d", seasonNumber == null ? 0 : seasonNumber) + episode + end;
    }
}
