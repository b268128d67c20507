package app.pathary.testing;

import java.time.Instant;

/** One user's state of one item in {@link FakeJellyfin}, with Jellyfin's UserData field meanings. */
public record FakeUserData(boolean played, int playCount, Instant lastPlayedDate, boolean isFavorite,
                           long playbackPositionTicks) {

    /** Never touched: what Jellyfin reports for an item the user has not played. */
    public static final FakeUserData NONE = new FakeUserData(false, 0, null, false, 0);

    /** Played {@code times} times, last on {@code lastPlayed}. */
    public static FakeUserData playedOn(Instant lastPlayed, int times) {
        return new FakeUserData(true, times, lastPlayed, false, 0);
    }

    public FakeUserData withFavorite(boolean favorite) {
        return new FakeUserData(played, playCount, lastPlayedDate, favorite, playbackPositionTicks);
    }
}
