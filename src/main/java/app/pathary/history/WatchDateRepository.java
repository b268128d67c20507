package app.pathary.history;

import java.time.Clock;
import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/**
 * Writes watch dates. One row per (user, movie, date); unknown dates are NULL and also unique. Each write is one
 * {@code INSERT … ON CONFLICT} naming the unique index it may hit ({@code watch_dates_one_per_date}, or the partial
 * {@code watch_dates_one_unknown_date} for an unknown date), so writers of the same new date at once never fail on the
 * index and never lose each other's plays: the later one waits for the earlier and then updates its row. A new row gets
 * its {@code source} ({@link DateSource}); an existing row keeps its own.
 */
final class WatchDateRepository {
    private static final String INSERT = """
            INSERT INTO watch_dates (user_id, movie_id, watched_at, plays, comment, created_at, updated_at, source)
            VALUES (:u, :m, :d, :plays, :comment, :now, :now, :source)
            """;
    private final Clock clock;

    WatchDateRepository(Clock clock) {
        this.clock = clock;
    }

    /** Adds plays to the date (creating it); a non-null comment replaces the date's comment. */
    void addPlays(Handle h, long userId, long movieId, LocalDate date, int plays, String comment, String source) {
        upsert(h, userId, movieId, date, plays, comment, source, """
                plays = watch_dates.plays + excluded.plays, comment = COALESCE(excluded.comment, watch_dates.comment),
                updated_at = excluded.updated_at""");
    }

    /** Sets the date's plays and comment to exactly these values (creating the date). */
    void set(Handle h, long userId, long movieId, LocalDate date, int plays, String comment, String source) {
        upsert(h, userId, movieId, date, plays, comment, source,
                "plays = excluded.plays, comment = excluded.comment, updated_at = excluded.updated_at");
    }

    /** Creates the date, or raises its play count and fills its empty comment; returns whether anything changed. */
    boolean merge(Handle h, long userId, long movieId, LocalDate date, int plays, String comment, String source) {
        return upsert(h, userId, movieId, date, plays, comment, source, """
                plays = CASE WHEN watch_dates.plays < excluded.plays THEN excluded.plays ELSE watch_dates.plays END,
                comment = COALESCE(watch_dates.comment, excluded.comment), updated_at = excluded.updated_at
                WHERE watch_dates.plays < excluded.plays OR (watch_dates.comment IS NULL AND excluded.comment IS NOT NULL)""");
    }

    /** Inserts the date or applies {@code onExisting} (a DO UPDATE SET clause) to it; returns whether a row was written. */
    private boolean upsert(Handle h, long userId, long movieId, LocalDate date, int plays, String comment, String source,
            String onExisting) {
        return h.createUpdate(INSERT + conflictTarget(date) + " DO UPDATE SET " + onExisting)
                .bind("u", userId).bind("m", movieId).bindByType("d", date, LocalDate.class).bind("plays", plays)
                .bind("comment", comment).bind("source", source).bind("now", clock.millis()).execute() > 0;
    }

    /** The unique index a date can collide with: the partial one for an unknown date (NULLs never collide otherwise). */
    private static String conflictTarget(LocalDate date) {
        return date == null ? "ON CONFLICT (user_id, movie_id) WHERE watched_at IS NULL"
                : "ON CONFLICT (user_id, movie_id, watched_at)";
    }

    boolean delete(Handle h, long userId, long movieId, LocalDate date) {
        return h.createUpdate("DELETE FROM watch_dates WHERE user_id = :u AND movie_id = :m AND " + dateMatch(date))
                .bind("u", userId).bind("m", movieId).bindMap(dateBinding(date)).execute() > 0;
    }

    int deleteAll(Handle h, long userId, long movieId) {
        return h.createUpdate("DELETE FROM watch_dates WHERE user_id = :u AND movie_id = :m")
                .bind("u", userId).bind("m", movieId).execute();
    }

    /** NULL never equals NULL in SQL, so an unknown date is matched with IS NULL (and :d is not bound). */
    private static String dateMatch(LocalDate date) {
        return date == null ? "watched_at IS NULL" : "watched_at = :d";
    }

    private static java.util.Map<String, Object> dateBinding(LocalDate date) {
        return date == null ? java.util.Map.of() : java.util.Map.of("d", date);
    }
}
