package app.pathary.history;

import app.pathary.db.PlainStatements;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Writes the watch dates of one kind of item ({@link DatedItems#MOVIES} or {@link DatedItems#EPISODES}). One row per
 * (user, item, date); unknown dates are NULL and also unique. Each write is one {@code INSERT … ON CONFLICT} naming the
 * unique index it may hit (the one per date, or the partial one for an unknown date), so writers of the same new date
 * at once never fail on the index and never lose each other's plays: the later one waits for the earlier and then
 * updates its row. Where the table keeps a source, it is the source of the date's first write, filled when missing.
 */
final class WatchDateRepository {
    private final Clock clock;
    private final DatedItems items;
    /** The upsert's SQL per DO UPDATE clause (one of the constant clauses below), for a known and an unknown date. */
    private final Map<String, String> datedUpserts = new ConcurrentHashMap<>();
    private final Map<String, String> undatedUpserts = new ConcurrentHashMap<>();

    WatchDateRepository(Clock clock) {
        this(clock, DatedItems.MOVIES);
    }

    WatchDateRepository(Clock clock, DatedItems items) {
        this.clock = clock;
        this.items = items;
    }

    /** A table of watch dates: its name, the column naming the item, and whether it records each date's source. */
    record DatedItems(String table, String item, boolean sourced) {
        static final DatedItems MOVIES = new DatedItems("watch_dates", "movie_id", true);
        static final DatedItems EPISODES = new DatedItems("episode_watch_dates", "episode_id", true);
    }

    /** Adds plays to the date (creating it); a non-null comment replaces the date's comment. */
    void addPlays(Handle h, long userId, long itemId, LocalDate date, int plays, String comment, String source) {
        upsert(h, userId, itemId, date, plays, comment, source, """
                plays = %1$s.plays + excluded.plays, comment = COALESCE(excluded.comment, %1$s.comment),
                updated_at = excluded.updated_at""");
    }

    void addPlays(Handle h, long userId, long itemId, LocalDate date, int plays, String comment) {
        addPlays(h, userId, itemId, date, plays, comment, null);
    }

    /** Sets the date's plays and comment to exactly these values (creating the date). */
    void set(Handle h, long userId, long itemId, LocalDate date, int plays, String comment, String source) {
        upsert(h, userId, itemId, date, plays, comment, source,
                "plays = excluded.plays, comment = excluded.comment, updated_at = excluded.updated_at");
    }

    void set(Handle h, long userId, long itemId, LocalDate date, int plays, String comment) {
        set(h, userId, itemId, date, plays, comment, null);
    }

    /** Creates the date, or raises its play count and fills its empty comment; returns whether anything changed. */
    boolean merge(Handle h, long userId, long itemId, LocalDate date, int plays, String comment, String source) {
        return upsert(h, userId, itemId, date, plays, comment, source, """
                plays = CASE WHEN %1$s.plays < excluded.plays THEN excluded.plays ELSE %1$s.plays END,
                comment = COALESCE(%1$s.comment, excluded.comment), updated_at = excluded.updated_at
                WHERE %1$s.plays < excluded.plays OR (%1$s.comment IS NULL AND excluded.comment IS NOT NULL)""");
    }

    boolean merge(Handle h, long userId, long itemId, LocalDate date, int plays, String comment) {
        return merge(h, userId, itemId, date, plays, comment, null);
    }

    /**
     * Inserts the date or applies {@code onExisting} (a DO UPDATE SET clause, %1$s the table) to it; true when written.
     * The statement runs on plain JDBC, its SQL made once per clause and kind of date: every webhook delivery writes one.
     */
    private boolean upsert(Handle h, long userId, long itemId, LocalDate date, int plays, String comment, String source,
            String onExisting) {
        String sql = (date == null ? undatedUpserts : datedUpserts).computeIfAbsent(onExisting, clause -> upsertSql(date == null, clause));
        long now = clock.millis();
        int changed = date == null
                ? items.sourced() ? PlainStatements.update(h, sql, userId, itemId, plays, comment, source, now, now)
                        : PlainStatements.update(h, sql, userId, itemId, plays, comment, now, now)
                : items.sourced() ? PlainStatements.update(h, sql, userId, itemId, date, plays, comment, source, now, now)
                        : PlainStatements.update(h, sql, userId, itemId, date, plays, comment, now, now);
        return changed > 0;
    }

    /** The upsert's SQL; an unknown date is the literal NULL, which the partial unique index's conflict target matches. */
    private String upsertSql(boolean unknownDate, String onExisting) {
        String set = onExisting.formatted(items.table());
        if (items.sourced()) {
            int where = set.indexOf("\nWHERE ");
            String keep = ", source = COALESCE(" + items.table() + ".source, excluded.source)";
            set = where < 0 ? set + keep : set.substring(0, where) + keep + set.substring(where);
        }
        return "INSERT INTO " + items.table() + " (user_id, " + items.item() + ", watched_at, plays, comment, "
                + (items.sourced() ? "source, " : "") + "created_at, updated_at) VALUES (?, ?, " + (unknownDate ? "NULL" : "?")
                + ", ?, ?, " + (items.sourced() ? "?, " : "") + "?, ?) " + conflictTarget(unknownDate)
                + " DO UPDATE SET " + set;
    }

    /** The unique index a date can collide with: the partial one for an unknown date (NULLs never collide otherwise). */
    private String conflictTarget(boolean unknownDate) {
        return unknownDate ? "ON CONFLICT (user_id, " + items.item() + ") WHERE watched_at IS NULL"
                : "ON CONFLICT (user_id, " + items.item() + ", watched_at)";
    }

    boolean delete(Handle h, long userId, long itemId, LocalDate date) {
        return h.createUpdate("DELETE FROM " + items.table() + " WHERE user_id = :u AND " + items.item() + " = :m AND "
                        + dateMatch(date))
                .bind("u", userId).bind("m", itemId).bindMap(dateBinding(date)).execute() > 0;
    }

    int deleteAll(Handle h, long userId, long itemId) {
        return h.createUpdate("DELETE FROM " + items.table() + " WHERE user_id = :u AND " + items.item() + " = :m")
                .bind("u", userId).bind("m", itemId).execute();
    }

    /** NULL never equals NULL in SQL, so an unknown date is matched with IS NULL (and :d is not bound). */
    private static String dateMatch(LocalDate date) {
        return date == null ? "watched_at IS NULL" : "watched_at = :d";
    }

    private static Map<String, Object> dateBinding(LocalDate date) {
        return date == null ? Map.of() : Map.of("d", date);
    }
}
