package app.pathary.history.portable;

import app.pathary.common.InvalidInputException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.EpisodeCommand;
import app.pathary.history.EpisodeHistory;
import app.pathary.history.EpisodeRef;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.history.WatchHistory;
import app.pathary.movie.MovieQueries;
import app.pathary.movie.NewMovie;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a history file in two steps: {@link #stage} reads it (any format, told by its content), finds the movies of
 * rows without a TMDb id, and keeps the result; {@link #preview} tells what a commit would add; {@link #resolve} names
 * the movie of a row by hand; {@link #commit} adds every matched date in one transaction (all or nothing) and removes
 * the staged import in that same transaction. Dates merge: a date already there keeps the larger play count, so the
 * same file twice adds nothing. Shared movies are created from the file when missing, never changed by it.
 */
public final class HistoryImports {
    private final HistoryFiles files;
    private final TitleMatcher matcher;
    private final StagedImportRepository staged;
    private final WatchHistory history;
    private final EpisodeHistory episodes;
    private final Jdbi reads;

    /** Where a commit writes: the movie and episode histories, and the database they are read from for the preview. */
    public record Histories(WatchHistory movies, EpisodeHistory episodes, Jdbi reads) {
    }

    public HistoryImports(HistoryFiles files, MovieQueries movies, app.pathary.history.LibraryTitles library, StagedImportRepository staged,
            Histories histories) {
        this.files = files;
        this.matcher = new TitleMatcher(movies, library);
        this.staged = staged;
        this.history = histories.movies();
        this.episodes = histories.episodes();
        this.reads = histories.reads();
    }

    /** Reads and matches the file and keeps it for the preview; returns the staged import's id. */
    public long stage(long userId, boolean admin, byte[] content, String fileName, HistoryFormat format) {
        ParsedFile file = files.read(content, fileName, format);
        List<StagedRow> rows = match(userId, admin, file);
        return staged.replace(userId, file.format(), fileName, file.rows(), rows, file.episodes());
    }

    private List<StagedRow> match(long userId, boolean admin, ParsedFile file) {
        Map<String, TitleMatcher.Match> matches = matcher.match(userId, admin, file.dates().stream().map(ImportedDate::movie).toList());
        List<StagedRow> rows = new ArrayList<>();
        for (ImportedDate date : file.dates()) {
            FileMovie movie = date.movie();
            TitleMatcher.Match match = matches.get(movie.key());
            if (match != null) {
                movie = movie.withTmdbId(match.tmdbId(), match.imdbId());
            }
            if (date.plays() > HistoryCommand.MAX_PLAYS) {
                throw new InvalidInputException("Line " + date.line() + ": more than " + HistoryCommand.MAX_PLAYS
                        + " plays on one date. Nothing from the file was imported.");
            }
            rows.add(new StagedRow(date.line(), movie.tmdbId(), movie.imdbId(), movie.title(), movie.year(),
                    date.date() == null ? null : date.date().toString(), date.plays(), date.comment()));
        }
        return rows;
    }

    public ImportPreview preview(long userId, long id) {
        StagedImport found = staged.get(userId, id);
        Map<String, Integer> existing = existingPlays(userId);
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
        Map<String, Integer> existingEpisodes = existingEpisodePlays(userId);
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

    /** Names the movie of an unmatched row (and of every other row with its title and year) by TMDb id. */
    public void resolve(long userId, long id, int line, int tmdbId) {
        if (tmdbId <= 0) {
            throw new InvalidInputException("tmdbId must be a positive number.");
        }
        StagedImport found = staged.get(userId, id);
        StagedRow target = found.dates().stream().filter(r -> r.line() == line && r.tmdbId() == null).findFirst()
                .orElseThrow(() -> new InvalidInputException("line: the import has no unmatched row on line " + line + "."));
        String key = new FileMovie(null, null, target.title(), target.year()).key();
        List<StagedRow> rows = found.dates().stream().map(r -> r.tmdbId() == null
                && new FileMovie(null, null, r.title(), r.year()).key().equals(key) ? r.resolved(tmdbId) : r).toList();
        staged.updateDates(userId, id, rows);
    }

    public void discard(long userId, long id) {
        staged.get(userId, id);
        staged.delete(userId, id);
    }

    /** The counts of a commit. */
    public record Committed(int datesAddedOrChanged, int unmatchedLeftOut) {
    }

    /** Adds every matched row in one transaction that also removes the staged import (a second commit finds nothing). */
    public Committed commit(long userId, long id) {
        StagedImport found = staged.get(userId, id);
        List<HistoryCommand> commands = new ArrayList<>();
        int unmatched = 0;
        for (StagedRow row : found.dates()) {
            if (row.tmdbId() == null) {
                unmatched++;
                continue;
            }
            MovieRef movie = row.title() == null || row.title().isBlank() ? new MovieRef.ByTmdbId(row.tmdbId())
                    : new MovieRef.CreateIfMissing(new NewMovie(row.tmdbId(), row.imdbId(), row.title(), row.year(), null));
            commands.add(new HistoryCommand.MergeDate(movie, row.date() == null ? null : LocalDate.parse(row.date()), row.plays(), row.comment()));
        }
        try {
            List<EpisodeCommand> episodeCommands = found.episodes().stream().map(HistoryImports::command).toList();
            java.util.concurrent.atomic.AtomicReference<EpisodeHistory.Joined> joined = new java.util.concurrent.atomic.AtomicReference<>();
            var changes = history.applyIf(userId, commands, Source.CSV_IMPORT, h -> {
                if (!StagedImportRepository.remove(h, userId, id)) {
                    return false;
                }
                joined.set(episodes.applyWithin(h, userId, episodeCommands, Source.CSV_IMPORT));
                return true;
            });
            int movieChanges = changes.orElseThrow(() -> new InvalidInputException("This import was already committed or discarded.")).size();
            joined.get().afterCommit().run();
            return new Committed(movieChanges + joined.get().changes().size(), unmatched);
        } catch (app.pathary.common.NotFoundException e) {
            throw new InvalidInputException(e.getMessage() + " Nothing from the file was imported.");
        }
    }

    private static EpisodeCommand command(ImportedEpisode e) {
        return new EpisodeCommand.MergeDate(new EpisodeRef.CreateIfMissing(new NewShow(new ShowIds(e.tvdbId(), e.tmdbId(), e.imdbId()), e.show(),
                e.year()), new NewEpisode(e.season(), e.number(), e.endNumber(), e.title())), e.date() == null ? null : LocalDate.parse(e.date()),
                Math.min(e.plays(), HistoryCommand.MAX_PLAYS), e.comment());
    }

    private static String code(ImportedEpisode e) {
        return String.format("S%02dE%02d", e.season(), e.number()) + (e.endNumber() == null ? "" : String.format("–E%02d", e.endNumber()));
    }

    /** The plays of every episode date the user has, under each of its show's ids ({@code tvdb:280619|2|3@2024-04-01}). */
    private Map<String, Integer> existingEpisodePlays(long userId) {
        Map<String, Integer> plays = new HashMap<>();
        reads.useHandle(h -> h.createQuery("""
                        SELECT s.tvdb_id, s.tmdb_id, s.imdb_id, e.season, e.number, w.watched_at, w.plays FROM episode_watch_dates w
                        JOIN episodes e ON e.id = w.episode_id JOIN shows s ON s.id = e.show_id WHERE w.user_id = :u""").bind("u", userId)
                .map((rs, ctx) -> {
                    LocalDate date = ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "watched_at", ctx);
                    return new ImportedEpisode(0, app.pathary.common.Rows.nullableInt(rs, "tvdb_id"), app.pathary.common.Rows.nullableInt(rs, "tmdb_id"),
                            rs.getString("imdb_id"), "", null, rs.getInt("season"), rs.getInt("number"), null, null,
                            date == null ? null : date.toString(), rs.getInt("plays"), null);
                }).forEach(e -> e.idKeys().forEach(key -> plays.put(key, e.plays()))));
        return plays;
    }

    /** The plays of every date the user has, by TMDb id and date ({@code 603@2024-03-09}; an unknown date is {@code @null}). */
    private Map<String, Integer> existingPlays(long userId) {
        Map<String, Integer> plays = new HashMap<>();
        reads.useHandle(h -> h.createQuery("""
                        SELECT m.tmdb_id, w.watched_at, w.plays FROM watch_dates w JOIN movies m ON m.id = w.movie_id
                        WHERE w.user_id = :u""").bind("u", userId)
                .map((rs, ctx) -> {
                    LocalDate date = ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, "watched_at", ctx);
                    return Map.entry(rs.getInt("tmdb_id") + "@" + date, rs.getInt("plays"));
                }).forEach(e -> plays.put(e.getKey(), e.getValue())));
        return plays;
    }
}
