package app.pathary.jellyfin.client.dto;

import java.time.Instant;

/**
 * Body of {@code POST /UserItems/{itemId}/UserData} ({@code UpdateUserItemDataDto}).
 *
 * <p>Jellyfin applies only the non-null fields, so this is the one call that sets an exact
 * {@code LastPlayedDate} and {@code PlayCount} together. A {@code null} cannot clear
 * {@code LastPlayedDate}: use mark-unplayed for that. It does not recurse into Series or Seasons.
 */
public record UpdateUserItemDataDto(
        Boolean played,
        Integer playCount,
        Instant lastPlayedDate,
        Long playbackPositionTicks,
        Boolean isFavorite) {

    /** Played on the given date, without touching the play count. */
    public static UpdateUserItemDataDto playedOn(Instant lastPlayedDate) {
        return new UpdateUserItemDataDto(true, null, lastPlayedDate, null, null);
    }

    public UpdateUserItemDataDto withPlayCount(int count) {
        return new UpdateUserItemDataDto(played, count, lastPlayedDate, playbackPositionTicks, isFavorite);
    }

    public UpdateUserItemDataDto withFavorite(boolean favorite) {
        return new UpdateUserItemDataDto(played, playCount, lastPlayedDate, playbackPositionTicks, favorite);
    }
}
