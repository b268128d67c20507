package app.pathary.history;

import java.util.List;

/**
 * Films of the media library a user can see, found by title, for "Add a watch" (history knows no media server: the
 * Jellyfin feature implements this, and App wires it). A search that cannot be made answers an empty list.
 */
@FunctionalInterface
public interface LibraryTitles {
    /** A film of the library: the item's id (for its poster), title, year and the ids Pathary stores. */
    record Found(String itemId, String title, Integer year, Integer tmdbId, String imdbId) {
    }

    List<Found> find(long userId, boolean admin, String title, int limit);

    static LibraryTitles none() {
        return (userId, admin, title, limit) -> List.of();
    }
}
