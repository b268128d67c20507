package app.pathary.watched;

import java.util.Collection;

/**
 * What Jellyfin says right now about a few items, judged by the same rules as the plan: the executor asks it for the
 * Jellyfin items behind one plan entry right before deleting, and deletes only when the fresh verdict still says so.
 */
@FunctionalInterface
public interface WatchedNow {
    /** The watched report of only these Jellyfin items (movies or episodes), read fresh. Items Jellyfin no longer has are absent. */
    WatchedReport of(Collection<String> jellyfinIds);
}
