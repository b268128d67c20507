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
        // built by hand: String.format here was a twentieth of a large sweep's CPU
        StringBuilder label = new StringBuilder(12).append('S');
        twoDigits(label, seasonNumber == null ? 0 : seasonNumber).append('E');
        if (episodeNumber == null) {
            label.append('?');
        } else {
            twoDigits(label, episodeNumber);
        }
        if (episodeEnd != null && episodeNumber != null && episodeEnd > episodeNumber) {
            twoDigits(label.append("-E"), episodeEnd);
        }
        return label.toString();
    }

    /** Like {@code %02d}: at least two characters, zero-padded. */
    private static StringBuilder twoDigits(StringBuilder to, int n) {
        return n >= 0 && n < 10 ? to.append('0').append(n) : to.append(n);
    }
}
