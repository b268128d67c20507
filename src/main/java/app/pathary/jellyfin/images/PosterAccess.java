package app.pathary.jellyfin.images;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Which pictures a user may see, from the database: the movies of their history and the items of their Jellyfin
 * library (the index an import fills). Admins see everything; that is decided by the caller, not here.
 */
final class PosterAccess {
    private final Jdbi reads;
    private final java.util.function.Predicate<String> shownToAll;

    PosterAccess(Jdbi reads, java.util.function.Predicate<String> shownToAll) {
        this.reads = reads;
        this.shownToAll = shownToAll;
    }

    /** The movie is in the user's history, or in their Jellyfin library. */
    boolean movieVisible(long userId, long movieId) {
        return reads.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM watch_dates WHERE user_id = :u AND movie_id = :m)
                            OR EXISTS (SELECT 1 FROM jellyfin_items j JOIN movies m ON m.tmdb_id = j.tmdb_id WHERE j.user_id = :u AND m.id = :m)""")
                .bind("u", userId).bind("m", movieId).mapTo(Boolean.class).one());
    }

    /** The Jellyfin item is listed to every user (the leaving-soon schedule), in the user's library index, or a movie of their history. */
    boolean itemVisible(long userId, String itemId) {
        if (shownToAll.test(itemId)) {
            return true;
        }
        return reads.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM jellyfin_items WHERE user_id = :u AND lower(replace(item_id, '-', '')) = :i)
                            OR EXISTS (SELECT 1 FROM jellyfin_items j JOIN movies m ON m.tmdb_id = j.tmdb_id
                                       JOIN watch_dates w ON w.movie_id = m.id AND w.user_id = :u
                                       WHERE lower(replace(j.item_id, '-', '')) = :i)""")
                .bind("u", userId).bind("i", itemId).mapTo(Boolean.class).one());
    }

    /** A Jellyfin item of the movie (the user's own library first), from the library index. */
    Optional<String> itemOfMovie(long userId, long movieId) {
        return reads.withHandle(h -> h.createQuery("""
                        SELECT j.item_id FROM jellyfin_items j JOIN movies m ON m.tmdb_id = j.tmdb_id WHERE m.id = :m
                        ORDER BY CASE WHEN j.user_id = :u THEN 0 ELSE 1 END, j.item_id LIMIT 1""")
                .bind("u", userId).bind("m", movieId).mapTo(String.class).findOne());
    }
}
