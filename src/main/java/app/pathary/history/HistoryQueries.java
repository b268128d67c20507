package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.movie.LikePattern;
import app.pathary.movie.Movie;
import app.pathary.movie.MovieRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Read projections of watch history: paged history, played movies, the dates of one movie. */
public final class HistoryQueries {
    public static final int MAX_LIMIT = 500;
    private static final RowMapper<WatchDate> WATCH_DATE = (rs, ctx) -> new WatchDate(
            MovieRepository.MOVIE.map(rs, ctx), ctx.findColumnMapperFor(LocalDate.class).orElseThrow()
                    .map(rs, "watched_at", ctx), rs.getInt("plays"), rs.getString("comment"));
    private final Jdbi reads;

    public HistoryQueries(Jdbi reads) {
        this.reads = reads;
    }

    public enum SortOrder { ASC, DESC }

    /**
     * One page of the user's watch dates. The count and the page's ids come from indexes alone
     * ({@code watch_dates_history} holds user, date, id and movie), so a deep page costs an index walk, not a join per
     * skipped row; a title search first picks the matching movies. Only the rows of the page are read and joined.
     */
    public HistoryPage page(long userId, String search, int page, int limit, SortOrder order) {
        return filtered(userId, HistoryFilter.title(search), page, limit, order);
    }

    /** Like {@link #page(long, String, int, int, SortOrder)}, with the list's filters (year watched, plays, comment). */
    public HistoryPage filtered(long userId, HistoryFilter filter, int page, int limit, SortOrder order) {
        checkPaging(page, limit);
        String where = PagedDates.where(filter, "movie_id", "SELECT id FROM movies WHERE lower(title) LIKE :q ESCAPE '\\'");
        String sort = PagedDates.sort(order);
        return reads.withHandle(h -> {
            var count = h.createQuery("SELECT count(*) FROM watch_dates w WHERE " + where).bind("u", userId);
            var select = h.createQuery("SELECT m.*, w.watched_at, w.plays, w.comment"
                            + " FROM (SELECT w.id FROM watch_dates w WHERE " + where + sort + " LIMIT :limit OFFSET :offset) chosen"
                            + " JOIN watch_dates w ON w.id = chosen.id JOIN movies m ON m.id = w.movie_id" + sort)
                    .bind("u", userId).bind("limit", limit).bind("offset", (long) (page - 1) * limit);
            PagedDates.bind(count, filter);
            PagedDates.bind(select, filter);
            long total = count.mapTo(Long.class).one();
            List<WatchDate> entries = select.map(WATCH_DATE).list();
            int maxPage = (int) Math.max(1, (total + limit - 1) / limit);
            return new HistoryPage(entries, page, maxPage, total);
        });
    }

    /** The user's watched movies, most recently watched first, each with all of its dates. */
    public List<PlayedMovie> played(long userId, String search, int page, int limit) {
        checkPaging(page, limit);
        boolean filtered = search != null && !search.isBlank();
        return reads.withHandle(h -> {
            var ids = h.createQuery("SELECT w.movie_id FROM watch_dates w JOIN movies m ON m.id = w.movie_id"
                            + " WHERE w.user_id = :u" + (filtered ? " AND lower(m.title) LIKE :q ESCAPE '\\'" : "")
                            + " GROUP BY w.movie_id ORDER BY max(w.watched_at) DESC, w.movie_id DESC"
                            + " LIMIT :limit OFFSET :offset")
                    .bind("u", userId).bind("limit", limit).bind("offset", (long) (page - 1) * limit);
            if (filtered) {
                ids.bind("q", LikePattern.contains(search));
            }
            List<Long> movieIds = ids.mapTo(Long.class).list();
            if (movieIds.isEmpty()) {
                return List.of();
            }
            List<WatchDate> rows = h.createQuery("SELECT m.*, w.watched_at, w.plays, w.comment FROM watch_dates w"
                            + " JOIN movies m ON m.id = w.movie_id WHERE w.user_id = :u AND w.movie_id IN (<ids>)"
                            + " ORDER BY w.watched_at DESC NULLS LAST")
                    .bind("u", userId).bindList("ids", movieIds).map(WATCH_DATE).list();
            Map<Long, List<PlayedMovie.DateEntry>> byMovie = new LinkedHashMap<>();
            Map<Long, Movie> movies = new LinkedHashMap<>();
            movieIds.forEach(id -> byMovie.put(id, new ArrayList<>()));
            for (WatchDate row : rows) {
                movies.put(row.movie().id(), row.movie());
                byMovie.get(row.movie().id()).add(new PlayedMovie.DateEntry(row.watchedAt(), row.plays(), row.comment()));
            }
            return movieIds.stream().map(id -> new PlayedMovie(movies.get(id), List.copyOf(byMovie.get(id)))).toList();
        });
    }

    /** The years of the user's first and last known watch dates and every year between, newest first. */
    public List<Integer> yearsWatched(long userId) {
        record Range(LocalDate first, LocalDate last) {
        }
        Range range = reads.withHandle(h -> h.createQuery("SELECT min(watched_at) AS first, max(watched_at) AS last FROM watch_dates"
                        // only dates a person can have watched on: a row stored before the window existed must not break the page
                        + " WHERE user_id = :u AND watched_at >= '1888-01-01' AND watched_at <= '9999-12-31'")
                .bind("u", userId).map((rs, ctx) -> {
                    var dates = ctx.findColumnMapperFor(LocalDate.class).orElseThrow();
                    return new Range(dates.map(rs, "first", ctx), dates.map(rs, "last", ctx));
                }).one());
        List<Integer> years = new ArrayList<>();
        if (range.first() != null && range.last() != null) {
            for (int year = range.last().getYear(); year >= range.first().getYear(); year--) {
                years.add(year);
            }
        }
        return years;
    }

    public long playedCount(long userId) {
        return reads.withHandle(h -> h.createQuery("SELECT count(DISTINCT movie_id) FROM watch_dates WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).one());
    }

    /** The dates of one movie for a user, newest first, unknown last. */
    public List<PlayedMovie.DateEntry> datesOf(long userId, long movieId) {
        return reads.withHandle(h -> datesOf(h, userId, movieId));
    }

    /** Like {@link #datesOf(long, long)}, read through {@code h} (e.g. inside the transaction of a change). */
    public List<PlayedMovie.DateEntry> datesOf(Handle h, long userId, long movieId) {
        return h.createQuery("""
                        SELECT watched_at, plays, comment FROM watch_dates WHERE user_id = :u AND movie_id = :m
                        ORDER BY watched_at DESC NULLS LAST""")
                .bind("u", userId).bind("m", movieId)
                .map((rs, ctx) -> new PlayedMovie.DateEntry(
                        ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "watched_at", ctx),
                        rs.getInt("plays"), rs.getString("comment")))
                .list();
    }

    /** The latest known watch date of each of the user's movies, by TMDb id (movies with only unknown dates map to null). */
    public Map<Integer, LocalDate> latestDatesByTmdbId(long userId) {
        record Latest(int tmdbId, LocalDate date) {
        }
        List<Latest> rows = reads.withHandle(h -> h.createQuery("""
                        SELECT m.tmdb_id, max(w.watched_at) AS latest FROM watch_dates w JOIN movies m ON m.id = w.movie_id
                        WHERE w.user_id = :u GROUP BY m.tmdb_id""")
                .bind("u", userId)
                .map((rs, ctx) -> new Latest(rs.getInt("tmdb_id"),
                        ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "latest", ctx)))
                .list());
        Map<Integer, LocalDate> latest = new java.util.HashMap<>();
        rows.forEach(row -> latest.put(row.tmdbId(), row.date()));
        return latest;
    }

    static void checkPaging(int page, int limit) {
        if (page < 1) {
            throw new InvalidInputException("page must be 1 or more.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be from 1 to " + MAX_LIMIT + ".");
        }
    }
}
