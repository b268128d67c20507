package app.pathary.history.portable;

import app.pathary.common.InvalidInputException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.history.WatchHistory;
import app.pathary.movie.MovieQueries;
import app.pathary.movie.NewMovie;
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
    private final Jdbi reads;

    public HistoryImports(HistoryFiles files, MovieQueries movies, app.pathary.history.LibraryTitles library, StagedImportRepository staged,
            WatchHistory history, Jdbi reads) {
        this.files = files;
        this.matcher = new TitleMatcher(movies, library);
        this.staged = staged;
        this.history = history;
        this.reads = reads;
    }

    /** Reads and matches the file and keeps it for the preview; returns the staged import's id. */
    public long stage(long userId, boolean admin, byte[] content, String fileName, HistoryFormat format) {
        ParsedFile file = files.read(content, fileName, format);
        List<StagedRow> rows = match(userId, admin, file);
        return staged.replace(userId, file.format(), fileName, file.rows(), file.episodePlays(), rows);
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
        return new ImportPreview(found.id(), found.fileName(), found.format(), found.rows(), newDates, added, unchanged,
                found.episodePlays(), changes, unmatched);
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
            var changes = history.applyIf(userId, commands, Source.CSV_IMPORT, h -> StagedImportRepository.remove(h, userId, id));
            return new Committed(changes.orElseThrow(() -> new InvalidInputException("This import was already committed or discarded."))
                    .size(), unmatched);
        } catch (app.pathary.common.NotFoundException e) {
            throw new InvalidInputException(e.getMessage() + " Nothing from the file was imported.");
        }
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
