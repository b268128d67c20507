package app.pathary.jellyfin.client.dto;

import java.time.Instant;

/**
 * One user's state of one item ({@code UserItemDataDto}).
 *
 * <p>{@code playCount} and {@code played} are independent in Jellyfin: the count goes up when playback
 * <em>starts</em>, while {@code played} is set when playback stops near the end or the item is marked
 * played. For a Series or Season {@code played} is computed (no unplayed episode left) and
 * {@code unplayedItemCount}/{@code playedPercentage} are filled.
 *
 * @param lastPlayedDate {@code null} when never played
 */
public record UserItemDataDto(
        Double playedPercentage,
        Integer unplayedItemCount,
        long playbackPositionTicks,
        int playCount,
        boolean isFavorite,
        Instant lastPlayedDate,
        boolean played,
        String key,
        String itemId) {
}
