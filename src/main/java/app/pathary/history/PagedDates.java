package app.pathary.history;

import app.pathary.movie.LikePattern;
import java.time.LocalDate;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The filter and order of a paged list of watch dates (movies or episodes), shared by {@link HistoryQueries} and
 * {@link EpisodeHistoryQueries}: the WHERE clause over the dates table aliased {@code w}, its ORDER BY, and its bindings.
 */
final class PagedDates {
    private PagedDates() {
    }

    /** @param searchIn the subquery of item ids whose title matches {@code :q} (used only when the filter has a search) */
    static String where(HistoryFilter filter, String itemColumn, String searchIn) {
        return "w.user_id = :u"
                + (filter.search().isBlank() ? "" : " AND w." + itemColumn + " IN (" + searchIn + ")")
                + (filter.year() != null ? " AND w.watched_at >= :from AND w.watched_at < :until" : "")
                + (filter.minPlays() != null ? " AND w.plays >= :plays" : "")
                + (filter.withComment() ? " AND w.comment IS NOT NULL AND w.comment <> ''" : "");
    }

    /** Unknown dates come last when newest is first, and first when oldest is first. */
    static String sort(HistoryQueries.SortOrder order) {
        String direction = order == HistoryQueries.SortOrder.ASC ? "ASC" : "DESC";
        String nulls = order == HistoryQueries.SortOrder.ASC ? "NULLS FIRST" : "NULLS LAST";
        return " ORDER BY w.watched_at " + direction + " " + nulls + ", w.id " + direction;
    }

    static void bind(SqlStatement<?> query, HistoryFilter filter) {
        if (!filter.search().isBlank()) {
            query.bind("q", LikePattern.contains(filter.search()));
        }
        if (filter.year() != null) {
            query.bind("from", LocalDate.of(filter.year(), 1, 1)).bind("until", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.minPlays() != null) {
            query.bind("plays", filter.minPlays());
        }
    }
}
