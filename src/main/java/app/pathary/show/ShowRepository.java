package app.pathary.show;

import app.pathary.common.Rows;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Stores shows and their episodes; methods take the caller's handle so they join its transaction. Shared metadata is
 * filled, never overwritten: a user's file or a webhook may give a show an id or a year it lacked, but an existing
 * title, year or id is kept whatever the newcomer says (one user's import never changes what another user sees).
 */
public final class ShowRepository {
    public static final RowMapper<Show> SHOW = (rs, ctx) -> new Show(rs.getLong("id"), Rows.nullableInt(rs, "tvdb_id"),
            Rows.nullableInt(rs, "tmdb_id"), rs.getString("imdb_id"), rs.getString("title"), Rows.nullableInt(rs, "year"));
    public static final RowMapper<Episode> EPISODE = (rs, ctx) -> new Episode(rs.getLong("id"), rs.getLong("show_id"),
            rs.getInt("season"), rs.getInt("number"), Rows.nullableInt(rs, "end_number"), rs.getString("title"));
    /** The id columns in the order they decide between two shows that each match one of the ids. */
    private static final List<String> ID_COLUMNS = List.of("tvdb_id", "tmdb_id", "imdb_id");
    private final Clock clock;

    public ShowRepository(Clock clock) {
        this.clock = clock;
    }

    public Optional<Show> findById(Handle h, long id) {
        return h.createQuery("SELECT * FROM shows WHERE id = :id").bind("id", id).map(SHOW).findOne();
    }

    /** The show one of these ids names; when they name different shows, TVDb decides, then TMDb, then IMDb. */
    public Optional<Show> findByIds(Handle h, ShowIds ids) {
        return lookUp(h, ids);
    }

    static Optional<Show> lookUp(Handle h, ShowIds ids) {
        Map<String, Object> given = given(ids);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        List<String> match = new ArrayList<>();
        given.keySet().forEach(column -> match.add(column + " = :" + column));
        List<Show> found = h.createQuery("SELECT * FROM shows WHERE " + String.join(" OR ", match))
                .bindMap(given).map(SHOW).list();
        return found.stream().min(Comparator.comparingInt(show -> rank(show, ids)));
    }

    /**
     * The show these ids name, with the ids and year it lacked filled from {@code show} (an id another show already
     * holds is not taken from it); created when no show has any of the ids. Safe when several transactions create the
     * same show at once: the insert yields to the row another one made, which is then read.
     */
    public Show findOrCreate(Handle h, NewShow show) {
        return findByIds(h, show.ids()).map(found -> fill(h, found, show))
                .or(() -> insertUnlessPresent(h, show))
                .or(() -> findByIds(h, show.ids()))
                .orElseThrow(() -> new IllegalStateException("The show with " + show.ids() + " was neither inserted nor found."));
    }

    public Optional<Episode> findEpisode(Handle h, long showId, int season, int number) {
        return h.createQuery("SELECT * FROM episodes WHERE show_id = :s AND season = :season AND number = :n")
                .bind("s", showId).bind("season", season).bind("n", number).map(EPISODE).findOne();
    }

    public Optional<Episode> findEpisodeById(Handle h, long id) {
        return h.createQuery("SELECT * FROM episodes WHERE id = :id").bind("id", id).map(EPISODE).findOne();
    }

    /** The show's episode with this season and number, its missing title and end number filled; created when new. */
    public Episode findOrCreateEpisode(Handle h, long showId, NewEpisode episode) {
        return findEpisode(h, showId, episode.season(), episode.number()).map(found -> fill(h, found, episode))
                .or(() -> insertUnlessPresent(h, showId, episode))
                .or(() -> findEpisode(h, showId, episode.season(), episode.number()))
                .orElseThrow(() -> new IllegalStateException("The episode was neither inserted nor found."));
    }

    private Show fill(Handle h, Show found, NewShow show) {
        Map<String, Object> given = given(show.ids());
        for (Map.Entry<String, Object> id : given.entrySet()) {
            String column = id.getKey();
            h.createUpdate("UPDATE shows SET " + column + " = :v, updated_at = :now WHERE id = :id AND " + column
                            + " IS NULL AND NOT EXISTS (SELECT 1 FROM shows other WHERE other." + column + " = :v)")
                    .bind("v", id.getValue()).bind("id", found.id()).bind("now", clock.millis()).execute();
        }
        if (show.year() != null && found.year() == null) {
            h.createUpdate("UPDATE shows SET year = :y, updated_at = :now WHERE id = :id AND year IS NULL")
                    .bind("y", show.year()).bind("id", found.id()).bind("now", clock.millis()).execute();
        }
        return findById(h, found.id()).orElse(found);
    }

    private Episode fill(Handle h, Episode found, NewEpisode episode) {
        boolean title = found.title() == null && episode.title() != null;
        boolean end = found.endNumber() == null && episode.endNumber() != null;
        if (!title && !end) {
            return found;
        }
        h.createUpdate("""
                        UPDATE episodes SET title = COALESCE(title, :title), end_number = COALESCE(end_number, :end),
                        updated_at = :now WHERE id = :id""")
                .bind("title", episode.title()).bind("end", episode.endNumber()).bind("now", clock.millis())
                .bind("id", found.id()).execute();
        return new Episode(found.id(), found.showId(), found.season(), found.number(),
                end ? episode.endNumber() : found.endNumber(), title ? episode.title() : found.title());
    }

    private Optional<Show> insertUnlessPresent(Handle h, NewShow show) {
        ShowIds ids = show.ids();
        return h.createQuery("""
                        INSERT INTO shows (tvdb_id, tmdb_id, imdb_id, title, year, created_at, updated_at)
                        VALUES (:tvdb, :tmdb, :imdb, :title, :year, :now, :now)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .bind("tvdb", ids.tvdbId()).bind("tmdb", ids.tmdbId()).bind("imdb", ids.imdbId())
                .bind("title", show.title()).bind("year", show.year()).bind("now", clock.millis())
                .mapTo(Long.class).findOne()
                .map(id -> new Show(id, ids.tvdbId(), ids.tmdbId(), ids.imdbId(), show.title(), show.year()));
    }

    private Optional<Episode> insertUnlessPresent(Handle h, long showId, NewEpisode episode) {
        return h.createQuery("""
                        INSERT INTO episodes (show_id, season, number, end_number, title, created_at, updated_at)
                        VALUES (:s, :season, :n, :end, :title, :now, :now)
                        ON CONFLICT (show_id, season, number) DO NOTHING RETURNING id""")
                .bind("s", showId).bind("season", episode.season()).bind("n", episode.number())
                .bind("end", episode.endNumber()).bind("title", episode.title()).bind("now", clock.millis())
                .mapTo(Long.class).findOne()
                .map(id -> new Episode(id, showId, episode.season(), episode.number(), episode.endNumber(), episode.title()));
    }

    /** The given ids by column, in deciding order. */
    private static Map<String, Object> given(ShowIds ids) {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        if (ids.tvdbId() != null) {
            given.put("tvdb_id", ids.tvdbId());
        }
        if (ids.tmdbId() != null) {
            given.put("tmdb_id", ids.tmdbId());
        }
        if (ids.imdbId() != null) {
            given.put("imdb_id", ids.imdbId());
        }
        return given;
    }

    /** 0 when the show matches on TVDb, 1 on TMDb, 2 on IMDb. */
    private static int rank(Show show, ShowIds ids) {
        if (ids.tvdbId() != null && ids.tvdbId().equals(show.tvdbId())) {
            return 0;
        }
        if (ids.tmdbId() != null && ids.tmdbId().equals(show.tmdbId())) {
            return 1;
        }
        return ID_COLUMNS.size() - 1;
    }
}
