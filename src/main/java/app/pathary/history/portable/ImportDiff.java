package app.pathary.history.portable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Compares a staged import with the user's history: which dates are new, which get more plays, which change nothing.
 * The preview page shows it; the commit computes it again inside its transaction and keeps it as its result.
 */
final class ImportDiff {
    private ImportDiff() {
    }

    /** What committing {@code found} would add to what the user has (read through {@code h}). */
    static ImportPreview of(Handle h, StagedImport found) {
        long userId = found.userId();
        Map<String, Integer> existing = existingPlays(h, userId);
        List<ImportPreview.Line> changes = new ArrayList<>();
        List<ImportPreview.Line> unmatched = new ArrayList<>();
        int newDates = 0;
        int added = 0;
        int unchanged = 0;
        for (StagedRow row : found.dates()) {
            LocalDate date = row.date() == null ? null : LocalDate.parse(row.date());
            if (row.tmdbId() == null) {
                unmatched.add(new ImportPreview.Line(row.line(), row.title(), row.year(), date, row.plays(), 0, false));
                continue;
            }
            Integer before = existing.get(row.tmdbId() + "@" + row.date());
            int more = before == null ? row.plays() : Math.max(0, row.plays() - before);
            if (more == 0) {
                unchanged++;
                continue;
            }
            newDates += before == null ? 1 : 0;
            added += more;
            changes.add(new ImportPreview.Line(row.line(), row.title(), row.year(), date, row.plays(), more, before == null));
        }
        Map<String, Integer> existingEpisodes = existingEpisodePlays(h, userId);
        List<ImportPreview.Line> episodeChanges = new ArrayList<>();
        int newEpisodeDates = 0;
        int addedEpisodePlays = 0;
        for (ImportedEpisode episode : found.episodes()) {
            Integer before = episode.idKeys().stream().map(existingEpisodes::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            int more = before == null ? episode.plays() : Math.max(0, episode.plays() - before);
            if (more == 0) {
                unchanged++;
                continue;
            }
            newEpisodeDates += before == null ? 1 : 0;
            addedEpisodePlays += more;
            episodeChanges.add(new ImportPreview.Line(episode.line(), episode.show() + " " + code(episode), episode.year(),
                    episode.date() == null ? null : LocalDate.parse(episode.date()), episode.plays(), more, before == null));
        }
        return new ImportPreview(found.id(), found.fileName(), found.format(), found.rows(), newDates, added, unchanged,
                newEpisodeDates, addedEpisodePlays, changes, episodeChanges, unmatched);
    }

    static String code(ImportedEpisode e) {
        return String.format("S%02dE%02d", e.season(), e.number()) + (e.endNumber() == null ? "" : String.format("–E%02d", e.endNumber()));
    }

    /** The plays of every episode date the user has, under each of its show's ids ({@code tvdb:280619|2|3@2024-04-01}). */
    private static Map<String, Integer> existingEpisodePlays(Handle handle, long userId) {
        Map<String, Integer> plays = new HashMap<>();
        handle.createQuery("""
                        SELECT s.tvdb_id, s.tmdb_id, s.imdb_id, e.season, e.number, w.watched_at, w.plays FROM episode_watch_dates w
                        JOIN episodes e ON e.id = w.episode_id JOIN shows s ON s.id = e.show_id WHERE w.user_id = :u""").bind("u", userId)
                .map((rs, ctx) -> {
                    LocalDate date = ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "watched_at", ctx);
                    return new ImportedEpisode(0, app.pathary.common.Rows.nullableInt(rs, "tvdb_id"), app.pathary.common.Rows.nullableInt(rs, "tmdb_id"),
                            rs.getString("imdb_id"), "", null, rs.getInt("season"), rs.getInt("number"), null, null,
                            date == null ? null : date.toString(), rs.getInt("plays"), null);
                }).forEach(e -> e.idKeys().forEach(key -> plays.put(key, e.plays())));
        return plays;
    }

    /** The plays of every date the user has, by TMDb id and date ({@code 603@2024-03-09}; an unknown date is {@code @null}). */
    private static Map<String, Integer> existingPlays(Handle handle, long userId) {
        Map<String, Integer> plays = new HashMap<>();
        handle.createQuery("""
                        SELECT m.tmdb_id, w.watched_at, w.plays FROM watch_dates w JOIN movies m ON m.id = w.movie_id
                        WHERE w.user_id = :u""").bind("u", userId)
                .map((rs, ctx) -> {
                    LocalDate date = ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "watched_at", ctx);
                    return Map.entry(rs.getInt("tmdb_id") + "@" + date, rs.getInt("plays"));
                }).forEach(e -> plays.put(e.getKey(), e.getValue()));
        return plays;
    }
}
