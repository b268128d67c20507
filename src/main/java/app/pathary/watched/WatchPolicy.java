package app.pathary.watched;

import java.time.ZoneId;
import java.util.List;

/**
 * How watched state is decided.
 *
 * @param countedUsers  the Jellyfin user names counted by {@code any} and {@code all} (CLEANUP_USERS, or every user
 *                      that is not disabled)
 * @param primaryUser   the one user {@code primary} counts
 * @param keepFavorites an item a counted user (or the primary user) marked favourite, or whose season or series they
 *                      marked favourite, is kept
 */
record WatchPolicy(Strategy strategy, List<String> countedUsers, String primaryUser, int graceDaysMovies,
        int graceDaysEpisodes, boolean keepFavorites, ZoneId zone) {

    public WatchPolicy {
        countedUsers = List.copyOf(countedUsers);
    }

    /** The users whose plays decide "watched". */
    List<String> deciders() {
        return strategy == Strategy.PRIMARY ? List.of(primaryUser) : countedUsers;
    }

    /** The users whose favourites keep an item: the counted users and the primary user. */
    List<String> favouriteKeepers() {
        if (primaryUser == null || countedUsers.contains(primaryUser)) {
            return countedUsers;
        }
        var all = new java.util.ArrayList<>(countedUsers);
        all.add(primaryUser);
        return all;
    }

    int graceDays(MediaItem item) {
        return item.isEpisode() ? graceDaysEpisodes : graceDaysMovies;
    }
}
