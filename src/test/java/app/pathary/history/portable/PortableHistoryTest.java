package app.pathary.history.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.history.HistoryFacade;
import app.pathary.history.LibraryTitles;
import app.pathary.movie.MovieFacade;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Imports of every format through the staged preview, and exports back, on both databases. */
@BothDialects
class PortableHistoryTest {
    /** The user's Jellyfin library as the title search finds it: Heat, and Amélie without its accent. */
    private static final LibraryTitles LIBRARY = (userId, admin, title, limit) -> List.of(
            new LibraryTitles.Found("item-heat", "Heat", 1995, 949, "tt0113277"),
            new LibraryTitles.Found("item-amelie", "Amelie", 2001, 194, "tt0211915"),
            new LibraryTitles.Found("item-no-ids", "Heat", 1995, null, null)).stream()
            .filter(f -> FileMovie.normalized(f.title()).contains(FileMovie.normalized(title))).toList();
    private Database database;
    private HistoryFacade history;
    private HistoryImports imports;
    private long alice;
    private long bob;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        Clock clock = Clock.systemUTC();
        history = HistoryFacade.wire(database, MovieFacade.wire(database.reads(), clock), app.pathary.show.ShowFacade.wire(database.reads(), clock), clock, ZoneOffset.UTC);
        imports = history.imports(LIBRARY);
        alice = user("alice");
        bob = user("bob");
    }

    private long user(String name) {
        return database.jdbi().withHandle(h -> h.createQuery("INSERT INTO users (name, email, password_hash, is_admin, created_at)"
                + " VALUES (:n, :e, 'x', false, 0) RETURNING id").bind("n", name).bind("e", name + "@example.org").mapTo(Long.class).one());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void pathary_csv_goes_in_and_comes_out_identical(Dialect dialect) {
        open(dialect);
        String file = String.join("\r\n", "tmdbId,imdbId,title,year,watchedAt,plays,comment",
                "146,tt0190332,\"Crouching Tiger, Hidden Dragon\",2000,,1,\"subtitled, \"\"of course\"\"\"",
                "949,,Heat,1995,2023-12-24,1,", "603,tt0133093,The Matrix,1999,2024-03-09,3,with Alice", "") ;

        HistoryImports.Committed committed = importNow(alice, file.getBytes(StandardCharsets.UTF_8), "mine.csv");

        assertThat(committed.datesAddedOrChanged()).isEqualTo(3);
        assertThat(export(alice, HistoryFormat.PATHARY)).isEqualTo(file);
        assertThat(importNow(alice, file.getBytes(StandardCharsets.UTF_8), "mine.csv").datesAddedOrChanged())
                .as("the same file twice adds nothing").isZero();
    }

    @Test
    void a_movary_history_comes_back_as_the_same_movary_history_up_to_row_order(Dialect dialect) {
        open(dialect);
        byte[] movary = HistoryFileFixtures.bytes("movary/history.csv");

        long id = imports.stage(alice, false, movary, "history.csv", null);
        ImportPreview preview = imports.preview(alice, id);
        assertThat(preview.format()).isEqualTo(HistoryFormat.MOVARY);
        assertThat(preview.newDates()).isEqualTo(4);
        assertThat(preview.addedPlays()).isEqualTo(5);
        imports.commit(alice, id);

        String exported = export(alice, HistoryFormat.MOVARY);
        assertThat(exported.lines().toList()).first().isEqualTo("title,year,tmdbId,imdbId,watchedAt,comment,location");
        assertThat(exported.lines().sorted().toList()).isEqualTo(new String(movary, StandardCharsets.UTF_8).lines().sorted().toList());
    }

    @Test
    void letterboxd_rows_match_by_title_and_year_and_the_rest_are_resolved_by_hand(Dialect dialect) {
        open(dialect);
        importNow(bob, "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,tt0133093,The Matrix,1999,2020-01-01,1,\n"
                .getBytes(StandardCharsets.UTF_8), "bob.csv");

        long id = imports.stage(alice, false, HistoryFileFixtures.bytes("letterboxd/diary.csv"), "diary.csv", null);
        ImportPreview preview = imports.preview(alice, id);

        assertThat(preview.format()).isEqualTo(HistoryFormat.LETTERBOXD);
        assertThat(preview.changes()).extracting(l -> l.title() + " " + l.date())
                .as("The Matrix is known to Pathary, Heat and Amélie to the library").containsExactlyInAnyOrder(
                        "The Matrix 2024-03-09", "Heat 2024-03-11", "The Matrix 2024-05-01", "Amélie 2024-05-30");
        assertThat(preview.unmatched()).extracting(l -> l.line() + " " + l.title() + " " + l.year())
                .containsExactly("6 A Short Film Nobody Indexed 1968", "7 A Short Film Nobody Indexed 1968");

        imports.resolve(alice, id, 6, 99_999);
        ImportPreview resolved = imports.preview(alice, id);
        assertThat(resolved.unmatched()).as("every row of that title and year is resolved at once").isEmpty();
        assertThat(resolved.newDates()).isEqualTo(6);
        assertThat(imports.commit(alice, id).datesAddedOrChanged()).isEqualTo(6);

        assertThat(export(alice, HistoryFormat.MOVARY)).contains("Amélie,2001,194,tt0211915,2024-05-30", "A Short Film Nobody Indexed,1968,99999,,2024-06-30");
        String once = export(alice, HistoryFormat.MOVARY);
        assertThat(imports.commit(alice, id)).as("a second commit answers the first one's result").isEqualTo(imports.state(alice, id).result());
        assertThat(export(alice, HistoryFormat.MOVARY)).as("and adds nothing twice").isEqualTo(once);
    }

    @Test
    void a_trakt_export_adds_its_movies_and_episodes_in_one_commit(Dialect dialect) {
        open(dialect);
        long id = imports.stage(alice, false, HistoryFileFixtures.traktZip(), "trakt.zip", null);
        ImportPreview preview = imports.preview(alice, id);

        assertThat(preview.format()).isEqualTo(HistoryFormat.TRAKT);
        assertThat(preview.newEpisodeDates()).isEqualTo(2);
        assertThat(preview.episodeChanges()).extracting(ImportPreview.Line::title).containsExactly("The Expanse S02E03", "The Expanse S02E04");
        assertThat(imports.commit(alice, id).datesAddedOrChanged()).isEqualTo(4);

        assertThat(export(alice, HistoryFormat.PATHARY).lines().skip(1).toList()).containsExactly(
                "949,tt0113277,Heat,1995,2023-12-24,1,", "603,tt0133093,The Matrix,1999,2024-03-09,2,");
        assertThat(export(alice, HistoryFormat.EPISODES).lines().skip(1).toList()).containsExactly(
                "280619,63639,tt3230854,The Expanse,2015,2,3,,Static,2024-04-01,1,",
                "280619,63639,tt3230854,The Expanse,2015,2,4,,Godspeed,2024-04-01,1,");
        long again = imports.stage(alice, false, HistoryFileFixtures.traktZip(), "trakt.zip", null);
        assertThat(imports.preview(alice, again).nothingToAdd()).as("the same export twice adds nothing").isTrue();
    }

    @Test
    void the_pathary_episodes_csv_goes_in_and_comes_out_identical(Dialect dialect) {
        open(dialect);
        String file = String.join("\r\n", "tvdbId,tmdbId,imdbId,title,year,season,episode,endEpisode,episodeTitle,watchedAt,plays,comment",
                "280619,,,The Expanse,2015,1,1,2,\"Dulcinea, and more\",,1,",
                "121361,1399,tt0944947,Game of Thrones,2011,1,1,,Winter Is Coming,2024-02-01,2,again",
                "280619,,,The Expanse,2015,2,3,,Static,2024-04-01,1,", "");

        assertThat(importNow(alice, file.getBytes(StandardCharsets.UTF_8), "episodes.csv").datesAddedOrChanged()).isEqualTo(3);

        assertThat(export(alice, HistoryFormat.EPISODES)).isEqualTo(file);
    }

    @Test
    void one_users_file_fills_a_shared_movie_but_never_changes_what_another_user_sees(Dialect dialect) {
        open(dialect);
        importNow(alice, "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,,The Matrix,,2024-03-09,1,\n".getBytes(StandardCharsets.UTF_8), "a.csv");

        importNow(bob, "title,year,tmdbId,imdbId,watchedAt,comment,location\nMatrix (Bob's cut),1999,603,tt0133093,2024-04-01,,\n"
                .getBytes(StandardCharsets.UTF_8), "history.csv");

        assertThat(export(alice, HistoryFormat.PATHARY)).as("alice's title stays; the missing IMDb id and year are filled")
                .contains("603,tt0133093,The Matrix,1999,2024-03-09,1,");
        assertThat(export(bob, HistoryFormat.PATHARY)).contains("603,tt0133093,The Matrix,1999,2024-04-01,1,").doesNotContain("Bob's cut");
    }

    @Test
    void a_malformed_file_stores_nothing(Dialect dialect) {
        open(dialect);
        String file = "title,year,tmdbId,imdbId,watchedAt,comment,location\nHeat,1995,949,,2024-01-01,,\nHeat,1995,949,,someday,,\n";

        assertThatThrownBy(() -> imports.stage(alice, false, file.getBytes(StandardCharsets.UTF_8), "history.csv", null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Line 3: watchedAt must be a date as yyyy-MM-dd");

        assertThat(export(alice, HistoryFormat.PATHARY).lines().count()).isEqualTo(1);
        assertThat(count("history_imports")).isZero();
        assertThat(count("movies")).isZero();
    }

    @Test
    void another_user_cannot_see_or_commit_a_staged_import(Dialect dialect) {
        open(dialect);
        long id = imports.stage(alice, false, HistoryFileFixtures.bytes("movary/history.csv"), "history.csv", null);

        assertThatThrownBy(() -> imports.preview(bob, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.commit(bob, id)).isInstanceOf(NotFoundException.class);
        assertThat(export(bob, HistoryFormat.PATHARY).lines().count()).isEqualTo(1);
    }

    @Test
    void the_letterboxd_export_is_split_under_letterboxds_limit_and_zipped(Dialect dialect) throws Exception {
        open(dialect);
        int plays = HistoryExports.LETTERBOXD_ROWS + 5;
        importNow(alice, ("tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,,The Matrix,1999,2024-03-09," + plays + ",\n")
                .getBytes(StandardCharsets.UTF_8), "a.csv");

        HistoryExports.ExportFile file = history.exports().export(alice, HistoryFormat.LETTERBOXD, "h");

        assertThat(file.name()).isEqualTo("h-letterboxd.zip");
        int rows = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file.content()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                List<String> lines = new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                assertThat(lines.getFirst()).isEqualTo("WatchedDate,Title,Year,tmdbID");
                assertThat(lines.size() - 1).isLessThanOrEqualTo(HistoryExports.LETTERBOXD_ROWS);
                assertThat(lines.subList(1, lines.size())).allMatch(l -> l.equals("2024-03-09,The Matrix,1999,603"));
                rows += lines.size() - 1;
            }
        }
        assertThat(rows).isEqualTo(plays);
    }

    /** A Movary file of {@code plays} rows (two plays a date) over {@code movies} films. */
    private static byte[] movaryFile(int plays, int movies) {
        StringBuilder file = new StringBuilder("title,year,tmdbId,imdbId,watchedAt,comment,location\n");
        for (int i = 0; i < plays; i++) {
            int movie = 1 + (i / 2) % movies;
            file.append("Movie ").append(movie).append(',').append(1950 + movie).append(',').append(movie).append(",,")
                    .append(java.time.LocalDate.of(2020, 1, 1).plusDays(i / 2)).append(",,\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_commit_that_fails_part_way_leaves_nothing_and_its_retry_equals_one_clean_commit(Dialect dialect) {
        open(dialect);
        byte[] file = movaryFile(600, 40);
        HistoryImports.Committed clean = importNow(bob, file, "history.csv");
        long id = imports.stage(alice, false, file, "history.csv", null);
        java.util.List<Integer> seen = new java.util.ArrayList<>();

        assertThatThrownBy(() -> imports.commit(alice, id, (done, total) -> {
            seen.add(done);
            if (done >= total / 2 && done > 0) {
                throw new IllegalStateException("the process dies here");
            }
        })).hasMessage("the process dies here");

        assertThat(seen).as("progress was told from inside the commit").contains(0).anyMatch(done -> done >= 150);
        assertThat(export(alice, HistoryFormat.PATHARY).lines().count()).as("nothing of the file is visible").isEqualTo(1);
        assertThat(imports.state(alice, id).status()).as("the import can be committed again").isNotEqualTo("committed");
        assertThat(imports.preview(alice, id).newDates()).isEqualTo(300);

        HistoryImports.Committed retried = imports.commit(alice, id);

        assertThat(retried).isEqualTo(clean);
        assertThat(retried.newDates()).isEqualTo(300);
        assertThat(retried.addedPlays()).isEqualTo(600);
        assertThat(export(alice, HistoryFormat.PATHARY)).as("the same history as bob's clean commit").isEqualTo(export(bob, HistoryFormat.PATHARY));
        assertThat(imports.commit(alice, id)).as("committed twice: the first result, nothing doubled").isEqualTo(clean);
        assertThat(export(alice, HistoryFormat.PATHARY)).isEqualTo(export(bob, HistoryFormat.PATHARY));
    }

    @Test
    void the_commit_is_one_queued_job_however_often_it_is_clicked_and_the_queue_retries_it_to_one_clean_result(Dialect dialect)
            throws Exception {
        open(dialect);
        byte[] file = movaryFile(200, 20);
        HistoryImports.Committed clean = importNow(bob, file, "history.csv");
        app.pathary.job.JobFacade jobs = app.pathary.job.JobFacade.wire(database, Clock.systemUTC(),
                app.pathary.job.JobTimings.defaults().withPoll(java.time.Duration.ofMillis(50)));
        long id = imports.stage(alice, false, file, "history.csv", null);

        imports.startCommit(alice, id, jobs.queue());
        imports.startCommit(alice, id, jobs.queue());

        assertThat(jobs.repository().list(null, app.pathary.job.JobSpec.HistoryImportCommit.TYPE, null, 10)).as("a second click queues nothing")
                .singleElement().satisfies(job -> assertThat(job.userId()).isEqualTo(alice));
        HistoryImports.State committing = imports.state(alice, id);
        assertThat(committing.status()).isEqualTo("committing");
        assertThatThrownBy(() -> imports.discard(alice, id)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> imports.resolve(alice, id, 2, 5)).isInstanceOf(InvalidInputException.class);
        imports.stage(alice, false, "tmdbId,imdbId,title,year,watchedAt,plays,comment\n949,,Heat,1995,2023-12-24,1,\n".getBytes(StandardCharsets.UTF_8), "other.csv", null);
        assertThat(imports.state(alice, id).status()).as("a new upload leaves an import being committed alone").isEqualTo("committing");

        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        app.pathary.job.JobHandler<app.pathary.job.JobSpec> crashingOnce = (spec, context) -> imports.run((app.pathary.job.JobSpec.HistoryImportCommit) spec,
                attempts.incrementAndGet() > 1 ? context : (done, total) -> {
                    if (done > total / 2) {
                        throw new IllegalStateException("killed half-way");
                    }
                });
        try (var workers = jobs.workers(crashingOnce, "test")) {
            workers.start();
            var failedOnce = awaitJob(jobs, committing.jobId(), job -> job.attempts() == 1 && job.status() == app.pathary.job.Job.Status.WAITING);
            assertThat(failedOnce.lastError()).isEqualTo("killed half-way");
            assertThat(export(alice, HistoryFormat.PATHARY).lines().count()).as("nothing half-imported").isEqualTo(1);
            database.jdbi().useHandle(h -> h.createUpdate("UPDATE jobs SET next_run_at = 0 WHERE id = :id").bind("id", committing.jobId()).execute());
            var done = awaitJob(jobs, committing.jobId(), app.pathary.job.Job::finished);
            assertThat(done.status()).isEqualTo(app.pathary.job.Job.Status.DONE);
            assertThat(done.summary()).isEqualTo("Imported: 100 watch dates added or changed. Nothing was removed.");
            assertThat(done.progressDone()).isEqualTo(done.progressTotal()).isEqualTo(100);
        }
        assertThat(imports.state(alice, id).result()).isEqualTo(clean);
        assertThat(export(alice, HistoryFormat.PATHARY)).isEqualTo(export(bob, HistoryFormat.PATHARY));
        imports.startCommit(alice, id, jobs.queue());
        assertThat(jobs.repository().list(null, app.pathary.job.JobSpec.HistoryImportCommit.TYPE, null, 10)).as("a committed import queues nothing")
                .hasSize(1);
    }

    @Test
    void a_commit_the_history_refuses_fails_its_job_for_good_and_leaves_the_import_staged(Dialect dialect) {
        open(dialect);
        long id = imports.stage(alice, false, "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,,,,2024-03-09,1,\n"
                .getBytes(StandardCharsets.UTF_8), "mine.csv", null);
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE history_imports SET status = 'committing'").execute());

        assertThatThrownBy(() -> imports.run(new app.pathary.job.JobSpec.HistoryImportCommit(alice, id), app.pathary.job.JobContext.NONE))
                .isInstanceOf(app.pathary.job.JobFailure.class).hasMessageContaining("Nothing from the file was imported.");

        assertThat(imports.state(alice, id).status()).isEqualTo("staged");
        assertThat(export(alice, HistoryFormat.PATHARY).lines().count()).isEqualTo(1);
    }

    private static app.pathary.job.Job awaitJob(app.pathary.job.JobFacade jobs, long id, java.util.function.Predicate<app.pathary.job.Job> condition)
            throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            app.pathary.job.Job job = jobs.repository().find(id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(25);
        }
        return jobs.repository().find(id).orElseThrow();
    }

    private int count(String table) {
        return database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    private HistoryImports.Committed importNow(long userId, byte[] content, String name) {
        return imports.commit(userId, imports.stage(userId, false, content, name, null));
    }

    private String export(long userId, HistoryFormat format) {
        if (format == HistoryFormat.MOVARY) {
            StringWriter out = new StringWriter();
            history.exports().movary(userId, out);
            return out.toString();
        }
        return new String(history.exports().export(userId, format, "x").content(), StandardCharsets.UTF_8);
    }
}
