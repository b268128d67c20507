package app.pathary.show;

import app.pathary.movie.LikePattern;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Read projections of shows and episodes. */
public final class ShowQueries {
    private final Jdbi reads;

    public ShowQueries(Jdbi reads) {
        this.reads = reads;
    }

    public Optional<Show> byId(long id) {
        return reads.withHandle(h -> h.createQuery("SELECT * FROM shows WHERE id = :id").bind("id", id)
                .map(ShowRepository.SHOW).findOne());
    }

    public Optional<Show> byIds(ShowIds ids) {
        return reads.withHandle(h -> ShowRepository.lookUp(h, ids));
    }

    public Optional<Episode> episodeById(long id) {
        return reads.withHandle(h -> h.createQuery("SELECT * FROM episodes WHERE id = :id").bind("id", id)
                .map(ShowRepository.EPISODE).findOne());
    }

    /** Every known episode of the show, by season and number. */
    public List<Episode> episodes(long showId) {
        return reads.withHandle(h -> h.createQuery("SELECT * FROM episodes WHERE show_id = :s ORDER BY season, number")
                .bind("s", showId).map(ShowRepository.EPISODE).list());
    }

    /** Shows whose title contains the text, case-insensitively; at most {@code limit}. */
    public List<Show> searchByTitle(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return reads.withHandle(h -> h.createQuery("""
                        SELECT * FROM shows WHERE lower(title) LIKE :q ESCAPE '\\'
                        ORDER BY lower(title), year LIMIT :limit""")
                .bind("q", LikePattern.contains(text)).bind("limit", limit)
                .map(ShowRepository.SHOW).list());
    }
}
