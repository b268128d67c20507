package app.pathary.movie;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Read projections of movies. */
public final class MovieQueries {
    private final Jdbi reads;

    public MovieQueries(Jdbi reads) {
        this.reads = reads;
    }

    public Optional<Movie> byId(long id) {
        return reads.withHandle(h -> h.createQuery("SELECT * FROM movies WHERE id = :id")
                .bind("id", id).map(MovieRepository.MOVIE).findOne());
    }

    public Optional<Movie> byTmdbId(int tmdbId) {
        return reads.withHandle(h -> h.createQuery("SELECT * FROM movies WHERE tmdb_id = :t")
                .bind("t", tmdbId).map(MovieRepository.MOVIE).findOne());
    }

    /** Movies whose title contains the text, case-insensitively; at most {@code limit}. */
    public List<Movie> searchByTitle(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return reads.withHandle(h -> h.createQuery("""
                        SELECT * FROM movies WHERE lower(title) LIKE :q ESCAPE '\\'
                        ORDER BY lower(title), year LIMIT :limit""")
                .bind("q", LikePattern.contains(text)).bind("limit", limit)
                .map(MovieRepository.MOVIE).list());
    }
}
