package app.pathary.movie;

import app.pathary.common.Rows;
import app.pathary.db.PlainStatements;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Stores movies. Methods take the caller's handle so they join the caller's transaction. */
public final class MovieRepository {
    public static final RowMapper<Movie> MOVIE = (rs, ctx) -> new Movie(rs.getLong("id"), rs.getInt("tmdb_id"),
            rs.getString("imdb_id"), rs.getString("title"), Rows.nullableInt(rs, "year"), rs.getString("overview"));
    private final Clock clock;

    public MovieRepository(Clock clock) {
        this.clock = clock;
    }

    public Optional<Movie> findById(Handle h, long id) {
        return h.createQuery("SELECT * FROM movies WHERE id = :id").bind("id", id).map(MOVIE).findOne();
    }

    public Optional<Movie> findByTmdbId(Handle h, int tmdbId) {
        // plain JDBC: every webhook delivery looks its movie up, and JDBI's work per statement cost more than SQLite's
        return PlainStatements.first(h, "SELECT * FROM movies WHERE tmdb_id = ?", rs -> MOVIE.map(rs, null), tmdbId);
    }

    /**
     * The movie with this TMDb id, created from {@code movie} when it does not exist yet. Safe when several transactions
     * create the same movie at once: the insert yields to a row another transaction made (on PostgreSQL it waits for
     * that transaction to end), and then that row is read. At PostgreSQL's default isolation (read committed) every
     * statement sees what was committed before it began, so the row is found even inside a longer transaction.
     */
    public Movie findOrCreate(Handle h, NewMovie movie) {
        return findByTmdbId(h, movie.tmdbId()).map(known -> fillMissing(h, known, movie))
                .or(() -> insertUnlessPresent(h, movie))
                .or(() -> findByTmdbId(h, movie.tmdbId()))
                .orElseThrow(() -> new IllegalStateException("The movie with TMDb id " + movie.tmdbId()
                        + " was neither inserted nor found; is the transaction isolation stricter than read committed?"));
    }

    /**
     * Movies are shared: what one user's file, form or webhook says about a known movie only fills what it lacks (the
     * IMDb id, the year) and never replaces what is there, so one user's import cannot change another user's titles.
     */
    private Movie fillMissing(Handle h, Movie known, NewMovie given) {
        boolean imdb = known.imdbId() == null && given.imdbId() != null;
        boolean year = known.year() == null && given.year() != null;
        if (!imdb && !year) {
            return known;
        }
        h.createUpdate("""
                        UPDATE movies SET imdb_id = COALESCE(imdb_id, :imdb), year = COALESCE(year, :year), updated_at = :now
                        WHERE id = :id""")
                .bind("imdb", given.imdbId()).bind("year", given.year()).bind("now", clock.millis()).bind("id", known.id()).execute();
        return new Movie(known.id(), known.tmdbId(), imdb ? given.imdbId() : known.imdbId(), known.title(),
                year ? given.year() : known.year(), known.overview());
    }

    private Optional<Movie> insertUnlessPresent(Handle h, NewMovie movie) {
        long now = clock.millis();
        return h.createQuery("""
                        INSERT INTO movies (tmdb_id, imdb_id, title, year, overview, created_at, updated_at)
                        VALUES (:tmdb, :imdb, :title, :year, :overview, :now, :now)
                        ON CONFLICT (tmdb_id) DO NOTHING RETURNING id""")
                .bind("tmdb", movie.tmdbId()).bind("imdb", movie.imdbId()).bind("title", movie.title())
                .bind("year", movie.year()).bind("overview", movie.overview()).bind("now", now)
                .mapTo(Long.class).findOne()
                .map(id -> new Movie(id, movie.tmdbId(), movie.imdbId(), movie.title(), movie.year(), movie.overview()));
    }
}
