package app.pathary.watched;

import java.time.Instant;

/** One Jellyfin user's state of one item: played (Jellyfin's UserData.Played, never PlayCount), when, favourite. */
record UserPlay(boolean played, Instant lastPlayed, boolean favorite) {
    public static final UserPlay NONE = new UserPlay(false, null, false);
}
