package app.pathary.history;

import java.time.Clock;
import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/** Writes watch dates. One row per (user, movie, date); unknown dates are NULL and also unique. */
final class WatchDateRepository {
    private final Clock clock;

    WatchDateRepository(Clock clock) {
        this.clock = clock;
    }

    void addPlays(Handle h, long userId, long movieId, LocalDate date, int plays, String comment) {
        int updated = h.createUpdate("UPDATE watch_dates SET plays = plays + :plays, comment = COALESCE(:comment, comment),"
                        + " updated_at = :now WHERE user_id = :u AND movie_id = :m AND " + dateMatch(date))
                .bind("plays", plays).bind("comment", comment).bind("now", clock.millis())
                .bind("u", userId).bind("m", movieId).bindMap(dateBinding(date)).execute();
        if (updated == 0) {
            insert(h, userId, movieId, date, plays, comment);
        }
    }

    void set(Handle h, long userId, long movieId, LocalDate date, int plays, String comment) {
        int updated = h.createUpdate("UPDATE watch_dates SET plays = :plays, comment = :comment, updated_at = :now"
                        + " WHERE user_id = :u AND movie_id = :m AND " + dateMatch(date))
                .bind("plays", plays).bind("comment", comment).bind("now", clock.millis())
                .bind("u", userId).bind("m", movieId).bindMap(dateBinding(date)).execute();
        if (updated == 0) {
            insert(h, userId, movieId, date, plays, comment);
        }
    }

    /** Returns whether anything changed. */
    boolean merge(Handle h, long userId, long movieId, LocalDate date, int plays, String comment) {
        int updated = h.createUpdate("UPDATE watch_dates SET plays = CASE WHEN plays < :plays THEN :plays ELSE plays END,"
                        + " comment = COALESCE(comment, :comment), updated_at = :now"
                        + " WHERE user_id = :u AND movie_id = :m AND " + dateMatch(date)
                        + " AND (plays < :plays OR (comment IS NULL AND :hasComment))")
                .bind("plays", plays).bind("comment", comment).bind("hasComment", comment != null).bind("now", clock.millis())
                .bind("u", userId).bind("m", movieId).bindMap(dateBinding(date)).execute();
        if (updated > 0) {
            return true;
        }
        boolean exists = h.createQuery("SELECT count(*) FROM watch_dates WHERE user_id = :u AND movie_id = :m AND " + dateMatch(date))
                .bind("u", userId).bind("m", movieId).bindMap(dateBinding(date)).mapTo(Integer.class).one() > 0;
        if (!exists) {
            insert(h, userId, movieId, date, plays, comment);
        }
        return !exists;
    }

    boolean delete(Handle h, long userId, long movieId, LocalDate date) {
        return h.createUpdate("DELETE FROM watch_dates WHERE user_id = :u AND movie_id = :m AND " + dateMatch(date))
                .bind("u", userId).bind("m", movieId).bindMap(dateBinding(date)).execute() > 0;
    }

    int deleteAll(Handle h, long userId, long movieId) {
        return h.createUpdate("DELETE FROM watch_dates WHERE user_id = :u AND movie_id = :m")
                .bind("u", userId).bind("m", movieId).execute();
    }

    private void insert(Handle h, long userId, long movieId, LocalDate date, int plays, String comment) {
        long now = clock.millis();
        h.createUpdate("""
                        INSERT INTO watch_dates (user_id, movie_id, watched_at, plays, comment, created_at, updated_at)
                        VALUES (:u, :m, :d, :plays, :comment, :now, :now)""")
                .bind("u", userId).bind("m", movieId).bindByType("d", date, LocalDate.class).bind("plays", plays)
                .bind("comment", comment).bind("now", now).execute();
    }

    /** NULL never equals NULL in SQL, so an unknown date is matched with IS NULL (and :d is not bound). */
    private static String dateMatch(LocalDate date) {
        return date == null ? "watched_at IS NULL" : "watched_at = :d";
    }

    private static java.util.Map<String, Object> dateBinding(LocalDate date) {
        return date == null ? java.util.Map.of() : java.util.Map.of("d", date);
    }
}
