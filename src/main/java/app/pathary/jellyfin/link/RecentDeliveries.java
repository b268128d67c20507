package app.pathary.jellyfin.link;

import java.time.Instant;
import java.util.List;

/** The latest webhook deliveries of a user, for the Jellyfin page (kept by the scrobbler's delivery log). */
@FunctionalInterface
public interface RecentDeliveries {
    /** One delivery: when it came, which item, what was done and why. */
    record Delivery(Instant receivedAt, String title, String result, String reason) {
    }

    /** The user's latest {@code count} deliveries, newest first. */
    List<Delivery> latest(long userId, int count);
}
