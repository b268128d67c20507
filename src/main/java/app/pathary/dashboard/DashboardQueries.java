package app.pathary.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The numbers of the dashboard and of a year in review, read from a user's watch dates. Every date range is
 * {@code [from, until)} on calendar dates, so the same SQL serves SQLite (ISO text) and PostgreSQL (DATE); months are
 * summed here, not in SQL, for the same reason.
 */
public final class DashboardQueries {
    /** A film with its plays and the number of days it was watched in the range. */
    public record FilmCount(long movieId, String title, Integer year, long plays, long days) {
    }

    /** Plays in a range and the hours they took where the film's running time is known. */
    public record Totals(long plays, long films, long minutes, long playsWithRuntime) {
        public long hours() {
            return Math.round(minutes / 60.0);
        }
    }

    /** A watch date, for the latest watches. */
    public record Watch(long movieId, String title, Integer year, LocalDate watchedAt, int plays) {
    }

    private final Jdbi reads;

    DashboardQueries(Jdbi reads) {
        this.reads = reads;
    }

    Totals totals(long userId, LocalDate from, LocalDate until) {
        return reads.withHandle(h -> h.createQuery("""
                        SELECT coalesce(sum(w.plays), 0) AS plays, count(DISTINCT w.movie_id) AS films,
                               coalesce(sum(w.plays * m.runtime_minutes), 0) AS minutes,
                               coalesce(sum(CASE WHEN m.runtime_minutes IS NULL THEN 0 ELSE w.plays END), 0) AS with_runtime
                        FROM watch_dates w JOIN movies m ON m.id = w.movie_id
                        WHERE w.user_id = :u AND w.watched_at >= :from AND w.watched_at < :until""")
                .bind("u", userId).bind("from", from).bind("until", until)
                .map((rs, ctx) -> new Totals(rs.getLong("plays"), rs.getLong("films"), rs.getLong("minutes"), rs.getLong("with_runtime")))
                .one());
    }

    /** Plays of every month from {@code first} to {@code last}, zero for months without any, in order. */
    Map<YearMonth, Long> playsPerMonth(long userId, YearMonth first, YearMonth last) {
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.put(month, 0L);
        }
        reads.useHandle(h -> h.createQuery("""
                        SELECT watched_at, sum(plays) AS plays FROM watch_dates
                        WHERE user_id = :u AND watched_at >= :from AND watched_at < :until GROUP BY watched_at""")
                .bind("u", userId).bind("from", first.atDay(1)).bind("until", last.plusMonths(1).atDay(1))
                .map((rs, ctx) -> Map.entry(ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "watched_at", ctx),
                        rs.getLong("plays")))
                .forEach(day -> months.merge(YearMonth.from(day.getKey()), day.getValue(), Long::sum)));
        return months;
    }

    /** The films of the range with the most plays (then most days, then title). */
    List<FilmCount> mostPlayed(long userId, LocalDate from, LocalDate until, int limit) {
        return films(userId, from, until, "1 = 1", "sum(w.plays) DESC, count(*) DESC", limit);
    }

    /** The films watched on the most different days (two at least): the re-watches. */
    List<FilmCount> mostRewatched(long userId, LocalDate from, LocalDate until, int limit) {
        return films(userId, from, until, "count(*) >= 2", "count(*) DESC, sum(w.plays) DESC", limit);
    }

    /** The films first watched in the range (no known date of theirs is earlier). */
    long newFilms(long userId, LocalDate from, LocalDate until) {
        return reads.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM (SELECT w.movie_id FROM watch_dates w WHERE w.user_id = :u AND w.watched_at IS NOT NULL
                        GROUP BY w.movie_id HAVING min(w.watched_at) >= :from AND min(w.watched_at) < :until) firsts""")
                .bind("u", userId).bind("from", from).bind("until", until).mapTo(Long.class).one());
    }

    private List<FilmCount> films(long userId, LocalDate from, LocalDate until, String having, String order, int limit) {
        return reads.withHandle(h -> h.createQuery("SELECT m.id, m.title, m.year, sum(w.plays) AS plays, count(*) AS days"
                        + " FROM watch_dates w JOIN movies m ON m.id = w.movie_id"
                        + " WHERE w.user_id = :u AND w.watched_at >= :from AND w.watched_at < :until"
                        + " GROUP BY m.id, m.title, m.year HAVING " + having + " ORDER BY " + order + ", m.title, m.id LIMIT :limit")
                .bind("u", userId).bind("from", from).bind("until", until).bind("limit", limit)
                .map((rs, ctx) -> new FilmCount(rs.getLong("id"), rs.getString("title"), rs.getObject("year") == null ? null : rs.getInt("year"), rs.getLong("plays"), rs.getLong("days")))
                .list());
    }

    /** The user's latest watch dates, newest first (unknown dates, and unreadable ones stored before the date window, left out). */
    List<Watch> latest(long userId, int limit) {
        return reads.withHandle(h -> h.createQuery("""
                        SELECT m.id, m.title, m.year, w.watched_at, w.plays FROM watch_dates w JOIN movies m ON m.id = w.movie_id
                        WHERE w.user_id = :u AND w.watched_at >= '1888-01-01' AND w.watched_at <= '9999-12-31'
                        ORDER BY w.watched_at DESC, w.id DESC LIMIT :limit""")
                .bind("u", userId).bind("limit", limit)
                .map((rs, ctx) -> new Watch(rs.getLong("id"), rs.getString("title"), rs.getObject("year") == null ? null : rs.getInt("year"),
                        ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "watched_at", ctx), rs.getInt("plays")))
                .list());
    }
}
