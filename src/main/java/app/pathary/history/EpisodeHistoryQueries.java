package app.pathary.history;

import app.pathary.common.Rows;
import app.pathary.show.Episode;
import app.pathary.show.Show;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Read projections of episode history: the paged list, the dates of one episode, a show's seasons, every date. */
public final class EpisodeHistoryQueries {
    /** The columns {@link #ROW} reads: the show (s), the episode (e) and the date (w). */
    static final String COLUMNS = """
            s.id AS s_id, s.tvdb_id, s.tmdb_id, s.imdb_id, s.title AS s_title, s.year, e.id AS e_id, e.season, e.number,
            e.end_number, e.title AS e_title, w.watched_at, w.plays, w.comment, w.source""";
    static final RowMapper<EpisodeWatchDate> ROW = (rs, ctx) -> {
        long showId = rs.getLong("s_id");
        return new EpisodeWatchDate(
                new Show(showId, Rows.nullableInt(rs, "tvdb_id"), Rows.nullableInt(rs, "tmdb_id"), rs.getString("imdb_id"),
                        rs.getString("s_title"), Rows.nullableInt(rs, "year")),
                new Episode(rs.getLong("e_id"), showId, rs.getInt("season"), rs.getInt("number"),
                        Rows.nullableInt(rs, "end_number"), rs.getString("e_title")),
                ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "watched_at", ctx),
                rs.getInt("plays"), rs.getString("comment"), rs.getString("source"));
    };
    private static final String JOINS = " JOIN episodes e ON e.id = w.episode_id JOIN shows s ON s.id = e.show_id";
    private final Jdbi reads;

    public EpisodeHistoryQueries(Jdbi reads) {
        this.reads = reads;
    }

    /**
     * One page of the user's episode dates, filtered like the movie history (the search matches the show's title). As
     * for movies, the count and the page's ids come from the index {@code episode_watch_dates_history} alone.
     */
    public EpisodeHistoryPage page(long userId, HistoryFilter filter, int page, int limit, HistoryQueries.SortOrder order) {
        HistoryQueries.checkPaging(page, limit);
        // the matching shows first (a scan of the shows), then their episodes through episodes_one_per_number: a join
        // from episodes would look up a show for every episode of the library
        String where = PagedDates.where(filter, "episode_id", """
                SELECT e.id FROM episodes e WHERE e.show_id IN (SELECT id FROM shows WHERE lower(title) LIKE :q ESCAPE '\\')""");
        String sort = PagedDates.sort(order);
        return reads.withHandle(h -> {
            var count = h.createQuery("SELECT count(*) FROM episode_watch_dates w WHERE " + where).bind("u", userId);
            var select = h.createQuery("SELECT " + COLUMNS + " FROM (SELECT w.id FROM episode_watch_dates w WHERE " + where
                            + sort + " LIMIT :limit OFFSET :offset) chosen JOIN episode_watch_dates w ON w.id = chosen.id" + JOINS + sort)
                    .bind("u", userId).bind("limit", limit).bind("offset", (long) (page - 1) * limit);
            PagedDates.bind(count, filter);
            PagedDates.bind(select, filter);
            long total = count.mapTo(Long.class).one();
            List<EpisodeWatchDate> entries = select.map(ROW).list();
            return new EpisodeHistoryPage(entries, page, (int) Math.max(1, (total + limit - 1) / limit), total);
        });
    }

    /** The user's dates of one episode, newest first, unknown last. */
    public List<EpisodeWatchDate> datesOf(long userId, long episodeId) {
        return reads.withHandle(h -> datesOf(h, userId, episodeId));
    }

    /** Like {@link #datesOf(long, long)}, read through {@code h} (e.g. inside the transaction of a change). */
    public List<EpisodeWatchDate> datesOf(Handle h, long userId, long episodeId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM episode_watch_dates w" + JOINS
                        + " WHERE w.user_id = :u AND w.episode_id = :e ORDER BY w.watched_at DESC NULLS LAST")
                .bind("u", userId).bind("e", episodeId).map(ROW).list();
    }

    /** The user's dates of every episode of one show, by season, number, then newest date first. */
    public List<EpisodeWatchDate> datesOfShow(long userId, long showId) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM episode_watch_dates w" + JOINS
                        + " WHERE w.user_id = :u AND e.show_id = :s ORDER BY e.season, e.number, w.watched_at DESC NULLS LAST")
                .bind("u", userId).bind("s", showId).map(ROW).list());
    }

    /** Each season of the show: known episodes, how many of them the user watched, and their plays. */
    public List<SeasonProgress> seasons(long userId, long showId) {
        return reads.withHandle(h -> h.createQuery("""
                        SELECT e.season, count(*) AS known, count(p.episode_id) AS watched, coalesce(sum(p.plays), 0) AS plays
                        FROM episodes e LEFT JOIN (SELECT episode_id, sum(plays) AS plays FROM episode_watch_dates
                                                   WHERE user_id = :u GROUP BY episode_id) p ON p.episode_id = e.id
                        WHERE e.show_id = :s GROUP BY e.season ORDER BY e.season""")
                .bind("u", userId).bind("s", showId)
                .map((rs, ctx) -> new SeasonProgress(rs.getInt("season"), rs.getInt("watched"), rs.getInt("known"), rs.getInt("plays")))
                .list());
    }

    /** Every episode date of the user, oldest first (unknown first), streamed to {@code each} (exports). */
    public void forEach(long userId, Consumer<EpisodeWatchDate> each) {
        reads.useHandle(h -> {
            try (var rows = h.createQuery("SELECT " + COLUMNS + " FROM episode_watch_dates w" + JOINS
                            + " WHERE w.user_id = :u ORDER BY w.watched_at ASC NULLS FIRST, s.id, e.season, e.number")
                    .bind("u", userId).map(ROW).stream()) {
                rows.forEach(each);
            }
        });
    }

    /** How many different episodes the user has watched. */
    public long playedCount(long userId) {
        return reads.withHandle(h -> h.createQuery("SELECT count(DISTINCT episode_id) FROM episode_watch_dates WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).one());
    }
}
