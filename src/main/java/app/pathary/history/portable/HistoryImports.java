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
import app.pathary.common.Plural;
import app.pathary.db.WriteTransactions;
import app.pathary.job.JobContext;
import app.pathary.job.JobFailure;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a history file in two steps: {@link #stage} reads it (any format, told by its content), finds the movies of
 * rows without a TMDb id, and keeps the result; {@link #preview} tells what a commit would add; {@link #resolve} names
 * the movie of a row by hand; {@link #startCommit} queues the commit as a job and {@link #commit} adds every matched
 * date in one transaction (all or nothing) that also marks the import committed, so a commit run again adds nothing.
 * Dates merge: a date already there keeps the larger play count, so the same file twice adds nothing. Shared movies are created from the file when missing, never changed by it.
 */
public final class HistoryImports {
    private final HistoryFiles files;
    private final TitleMatcher matcher;
    private final StagedImportRepository staged;
    private final WatchHistory history;
    private final EpisodeHistory episodes;
    private final Jdbi reads;
    private final WriteTransactions writes;

    /**
     * Where a commit writes: the movie and episode histories, the database they are read from for the preview, and
     * the write transactions a commit runs in.
     */
    public record Histories(WatchHistory movies, EpisodeHistory episodes, Jdbi reads, WriteTransactions writes) {
    }

    public HistoryImports(HistoryFiles files, MovieQueries movies, app.pathary.history.LibraryTitles library, StagedImportRepository staged,
            Histories histories) {
        this.files = files;
        this.matcher = new TitleMatcher(movies, library);
        this.staged = staged;
        this.history = histories.movies();
        this.episodes = histories.episodes();
        this.reads = histories.reads();
        this.writes = histories.writes();
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
        return reads.withHandle(h -> ImportDiff.of(h, found));
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
        if (!staged.updateDates(userId, id, rows)) {
            throw new InvalidInputException("This import is being committed; its rows can no longer change.");
        }
    }

    public void discard(long userId, long id) {
        staged.get(userId, id);
        if (!staged.delete(userId, id)) {
            throw new InvalidInputException("This import is being committed; it can no longer be discarded.");
        }
    }

    /**
     * What a commit added: new dates, plays added to dates already there, rows that changed nothing (movies and
     * episodes), and matched rows left out for want of a film.
     */
    public record Committed(int newDates, int addedPlays, int unchanged, int newEpisodeDates, int addedEpisodePlays, int datesAddedOrChanged,
            int unmatchedLeftOut) {

        /** One sentence for the job's summary. */
        public String summary() {
            return "Imported: " + Plural.of(datesAddedOrChanged, "watch date") + " added or changed"
                    + (unmatchedLeftOut > 0 ? "; " + Plural.of(unmatchedLeftOut, "unmatched row") + " left out" : "") + ". Nothing was removed.";
        }
    }

    /** Commits at once (the CLI); see {@link #commit(long, long, JobContext)}. */
    public Committed commit(long userId, long id) {
        return commit(userId, id, JobContext.NONE);
    }

    /**
     * Adds every matched row in one transaction, which also marks the import committed with its result; tells
     * {@code progress} the rows applied so far. A commit of an import already committed (a retried job, a second click)
     * changes nothing and answers the first commit's result.
     */
    public Committed commit(long userId, long id, JobContext progress) {
        StagedImport found = staged.get(userId, id);
        if (found.status() == StagedImport.Status.COMMITTED) {
            return StagedImportRepository.read(found.result(), RESULT);
        }
        List<HistoryCommand> commands = new ArrayList<>();
        for (StagedRow row : found.dates()) {
            if (row.tmdbId() != null) {
                MovieRef movie = row.title() == null || row.title().isBlank() ? new MovieRef.ByTmdbId(row.tmdbId())
                        : new MovieRef.CreateIfMissing(new NewMovie(row.tmdbId(), row.imdbId(), row.title(), row.year(), null));
                commands.add(new HistoryCommand.MergeDate(movie, row.date() == null ? null : LocalDate.parse(row.date()), row.plays(), row.comment()));
            }
        }
        List<EpisodeCommand> episodeCommands = found.episodes().stream().map(HistoryImports::command).toList();
        int total = commands.size() + episodeCommands.size();
        int step = Math.max(1, total / 200);
        IntConsumer applied = done -> {
            if (done % step == 0 || done == total) {
                progress.progress(done, total);
            }
        };
        progress.progress(0, total);
        try {
            Optional<Applied> done = writes.inTransaction(h -> {
                if (!StagedImportRepository.claim(h, userId, id)) {
                    return Optional.<Applied>empty();
                }
                ImportPreview before = ImportDiff.of(h, found);
                WatchHistory.Joined movies = history.applyWithin(h, userId, commands, Source.CSV_IMPORT, applied);
                EpisodeHistory.Joined shows = episodes.applyWithin(h, userId, episodeCommands, Source.CSV_IMPORT,
                        n -> applied.accept(commands.size() + n));
                Committed result = new Committed(before.newDates(), before.addedPlays(), before.unchanged(), before.newEpisodeDates(),
                        before.addedEpisodePlays(), movies.changes().size() + shows.changes().size(), before.unmatched().size());
                StagedImportRepository.committed(h, userId, id, StagedImportRepository.write(result));
                return Optional.of(new Applied(result, movies.afterCommit(), shows.afterCommit()));
            });
            if (done.isEmpty()) {
                StagedImport now = staged.get(userId, id);
                return StagedImportRepository.read(now.result(), RESULT);
            }
            done.get().afterMovies().run();
            done.get().afterEpisodes().run();
            return done.get().result();
        } catch (app.pathary.common.NotFoundException e) {
            throw new InvalidInputException(e.getMessage() + " Nothing from the file was imported.");
        }
    }

    /** A commit's result, and what tells the history's listeners once its transaction has committed. */
    private record Applied(Committed result, Runnable afterMovies, Runnable afterEpisodes) {
    }

    private static final TypeReference<Committed> RESULT = new TypeReference<>() { };

    /**
     * Queues the commit of a previewed import as a job, the import marked committing in the same transaction. A
     * second click while that job waits or runs (or after the import was committed) queues nothing.
     */
    public void startCommit(long userId, long id, JobQueue queue) {
        for (int attempt = 0; attempt < 3; attempt++) {
            StagedImport found = staged.get(userId, id);
            boolean underWay = found.status() == StagedImport.Status.COMMITTING && found.jobId() != null
                    && queue.find(found.jobId()).filter(job -> !job.finished()).isPresent();
            if (found.status() == StagedImport.Status.COMMITTED || underWay) {
                return;
            }
            if (staged.startCommit(found, h -> queue.enqueue(h, new JobSpec.HistoryImportCommit(userId, id)))) {
                queue.wakeWorkers();
                return;
            }
        }
    }

    /**
     * Runs a commit job. A file the history refuses (a date out of range, a film that is not there) fails the job for
     * good and leaves the import staged, to be looked at again; an import that is gone fails it too.
     */
    public String run(JobSpec.HistoryImportCommit spec, JobContext context) {
        try {
            return commit(spec.userId(), spec.importId(), context).summary();
        } catch (app.pathary.common.NotFoundException e) {
            throw new JobFailure(e.getMessage());
        } catch (InvalidInputException e) {
            staged.failed(spec.userId(), spec.importId());
            throw new JobFailure(e.getMessage());
        }
    }

    /** Where an import stands, for its page: staged (with the job of a failed commit, if any), committing or committed. */
    public record State(long id, String fileName, int rows, String status, Long jobId, Committed result) {
    }

    public State state(long userId, long id) {
        StagedImport found = staged.get(userId, id);
        return new State(found.id(), found.fileName(), found.rows(), found.status().name().toLowerCase(java.util.Locale.ROOT), found.jobId(),
                found.status() == StagedImport.Status.COMMITTED ? StagedImportRepository.read(found.result(), RESULT) : null);
    }

    private static EpisodeCommand command(ImportedEpisode e) {
        return new EpisodeCommand.MergeDate(new EpisodeRef.CreateIfMissing(new NewShow(new ShowIds(e.tvdbId(), e.tmdbId(), e.imdbId()), e.show(),
                e.year()), new NewEpisode(e.season(), e.number(), e.endNumber(), e.title())), e.date() == null ? null : LocalDate.parse(e.date()),
                Math.min(e.plays(), HistoryCommand.MAX_PLAYS), e.comment());
    }
}
