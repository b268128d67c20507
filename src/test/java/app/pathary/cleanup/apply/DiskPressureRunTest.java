package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.leaving.LeavingSoon;
import app.pathary.cleanup.leaving.LeavingSoonEvents;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.DiskRules;
import app.pathary.cleanup.plan.DiskState;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.config.DiskLimit;
import app.pathary.config.DiskOptions;
import app.pathary.config.LeavingOptions;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeArrFault;
import app.pathary.testing.FakeDisk;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Verdict;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Disk pressure against fake Radarr and Sonarr over real HTTP: free space read per disk, the strict order, the target,
 * unknown figures, shared disks, network mounts, and the executor that re-reads free space (which the fakes give back a
 * moment after each delete) and stops at the target or on a recycle bin.
 */
@BothDialects
class DiskPressureRunTest {
    private static final LocalDate TODAY = CleanupScenario.TODAY;
    private final CleanupScenario scenario;
    private final CleanupStores stores;

    DiskPressureRunTest(Dialect dialect) {
        scenario = new CleanupScenario(dialect);
        Clock clock = Clock.fixed(CleanupScenario.NOW, ZoneOffset.UTC);
        // a week's notice: eligible items are announced first, so only disk pressure makes them due now
        stores = CleanupStores.of(scenario.database.jdbi(), clock,
                new LeavingSoon.Setting(LeavingOptions.defaults(), clock, ZoneOffset.UTC, LeavingSoonEvents.NONE));
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private static DiskRules rules(String threshold, String target, boolean waiting) {
        return new DiskRules(Optional.of(DiskLimit.parse("t", threshold)), Optional.of(DiskLimit.parse("t", target)), waiting, List.of());
    }

    private static ReportEntry watched(String id, String title, String file, int tmdb, Verdict verdict, LocalDate lastPlayed, boolean all) {
        LocalDate eligibleOn = verdict == Verdict.WAITING ? TODAY.plusDays(3) : lastPlayed.plusDays(5);
        return new ReportEntry("movie", id, title, null, null, null, null, null, "/media/movies/" + file, tmdb, null, verdict,
                List.of("watched by alice on " + lastPlayed), lastPlayed, eligibleOn, List.of(), null, all);
    }

    /** Four watched movies of 1,000, 500, 700 and 300 bytes (the last still in grace) and one unwatched on /movies. */
    private void library() {
        scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/a.mkv", 1_000);
        scenario.radarr.addMovie("Brazil", 1985, 68, "/movies/Brazil").file("/movies/Brazil/b.mkv", 500);
        scenario.radarr.addMovie("Casablanca", 1942, 289, "/movies/Casablanca").file("/movies/Casablanca/c.mkv", 700);
        scenario.radarr.addMovie("Dune", 2021, 438631, "/movies/Dune").file("/movies/Dune/d.mkv", 300);
        scenario.radarr.addMovie("Eraserhead", 1977, 985, "/movies/Eraserhead").file("/movies/Eraserhead/e.mkv", 5_000);
        scenario.report.add(watched("jf-a", "Alien", "Alien/a.mkv", 348, Verdict.ELIGIBLE, LocalDate.of(2026, 1, 1), true));
        scenario.report.add(watched("jf-b", "Brazil", "Brazil/b.mkv", 68, Verdict.ELIGIBLE, LocalDate.of(2026, 1, 10), true));
        // watched longest ago, but only by the deciding user: ranks after every item all counted users watched
        scenario.report.add(watched("jf-c", "Casablanca", "Casablanca/c.mkv", 289, Verdict.ELIGIBLE, LocalDate.of(2025, 12, 1), false));
        scenario.report.add(watched("jf-d", "Dune", "Dune/d.mkv", 438631, Verdict.WAITING, LocalDate.of(2026, 2, 27), true));
        scenario.report.add(CleanupScenario.movie("jf-e", "Eraserhead", "/media/movies/Eraserhead/e.mkv", 985, Verdict.KEPT));
    }

    private List<String> chosen(CleanupPlan plan) {
        return plan.entries().stream().filter(e -> e.disk() != null).map(PlanEntry::title).toList();
    }

    @Test
    void under_the_threshold_nothing_extra_is_deleted_and_eligible_items_keep_their_leaving_date() {
        library();
        scenario.radarr.addDisk("/movies", 5_000, 10_000);

        CleanupPlan plan = scenario.planUnderPressure(stores, TODAY, rules("90%", "80%", true), () -> { });

        assertThat(plan.deletions()).isZero();
        assertThat(plan.withAction(PlanEntry.LEAVING)).extracting(PlanEntry::title).containsExactlyInAnyOrder("Alien", "Brazil", "Casablanca");
        DiskState disk = plan.disks().getFirst();
        assertThat(disk.name()).isEqualTo("/movies");
        assertThat(disk.status()).isEqualTo(DiskState.OK);
        assertThat(disk.usedPercent()).isEqualTo(50);
        assertThat(disk.figureFrom()).isEqualTo("/diskspace of radarr");
    }

    @Test
    void over_the_threshold_the_plan_takes_the_strict_order_until_exactly_enough_is_freed() {
        library();
        // 95 % full; the target (80 %) asks for 2,000 free: Alien and Brazil (watched by all, oldest first) free exactly 1,500
        scenario.radarr.addDisk("/movies", 500, 10_000);

        CleanupPlan plan = scenario.planUnderPressure(stores, TODAY, rules("90%", "80%", true), () -> { });

        assertThat(chosen(plan)).containsExactly("Alien", "Brazil");
        assertThat(CleanupScenario.entryFor(plan, "Alien").action()).isEqualTo(PlanEntry.DELETE_MOVIE);
        assertThat(CleanupScenario.entryFor(plan, "Alien").reasons().getFirst())
                .isEqualTo("disk /movies is 95 % full (threshold 90 %, target 80 %); this frees 1.0 KB");
        assertThat(CleanupScenario.entryFor(plan, "Alien").reasons().get(1)).startsWith("due now because of disk pressure (it was leaving on 2026-03-08");
        assertThat(CleanupScenario.entryFor(plan, "Casablanca").action()).isEqualTo(PlanEntry.LEAVING);
        assertThat(CleanupScenario.entryFor(plan, "Dune").action()).isEqualTo(PlanEntry.KEEP);
        assertThat(CleanupScenario.entryFor(plan, "Eraserhead").action()).isEqualTo(PlanEntry.KEEP);
        DiskState disk = plan.disks().getFirst();
        assertThat(disk.status()).isEqualTo(DiskState.OVER);
        assertThat(disk.chosenBytes()).isEqualTo(1_500);
        assertThat(disk.projectedFree()).isEqualTo(2_000);
    }

    @Test
    void items_still_in_grace_go_last_and_only_when_allowed_with_the_grace_shortened_said() {
        library();
        // the target asks for 3,000 free: everything eligible (2,200) is not enough
        scenario.radarr.addDisk("/movies", 500, 10_000);

        CleanupPlan without = scenario.planUnderPressure(stores, TODAY, rules("90%", "70%", false), () -> { });
        assertThat(chosen(without)).containsExactly("Alien", "Brazil", "Casablanca");
        assertThat(without.disks().getFirst().note()).contains("still short of the target by 300 B");

        CleanupPlan with = scenario.planUnderPressure(stores, TODAY, rules("90%", "70%", true), () -> { });
        assertThat(chosen(with)).containsExactly("Alien", "Brazil", "Casablanca", "Dune");
        assertThat(CleanupScenario.entryFor(with, "Dune").reasons()).anySatisfy(r -> assertThat(r).contains("grace shortened by disk pressure"));
        assertThat(CleanupScenario.entryFor(with, "Eraserhead").action()).isEqualTo(PlanEntry.KEEP);
    }

    @Test
    void a_failed_read_of_free_space_is_unknown_never_zero_free_and_chooses_nothing() {
        library();
        scenario.radarr.addDisk("/movies", 500, 10_000);

        CleanupPlan plan = scenario.planUnderPressure(stores, TODAY, rules("90%", "80%", true),
                () -> scenario.radarr.failNext(1, FakeArrFault.WRONG_SHAPE));

        assertThat(plan.deletions()).isZero();
        DiskState disk = plan.disks().getFirst();
        assertThat(disk.status()).isEqualTo(DiskState.UNKNOWN);
        assertThat(disk.freeBytes()).isNull();
        assertThat(disk.note()).contains("free space unknown").contains("radarr could not be read");
        assertThat(stores.disks().recent()).extracting(DiskSamples.Sample::freeBytes).containsExactly((Long) null);
    }

    @Test
    void two_instances_on_one_disk_count_it_once_and_choose_across_both() {
        FakeDisk shared = new FakeDisk("/data", 500, 10_000, true);
        scenario.radarr.addDisk(shared);
        scenario.sonarr.addDisk(shared);
        scenario.radarr.addMovie("Alien", 1979, 348, "/data/movies/Alien").file("/data/movies/Alien/a.mkv", 1_000);
        var show = scenario.sonarr.addSeries("Show", 7001, 8001, "/data/tv/Show", "ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, java.time.Instant.parse("2025-01-01T00:00:00Z"));
        scenario.sonarr.addEpisodeFile(show, 1, "/data/tv/Show/Season 1/e1.mkv", 800, e1);
        scenario.report.add(new ReportEntry("movie", "jf-a", "Alien", null, null, null, null, null, "/media/movies/Alien/a.mkv", 348, null,
                Verdict.ELIGIBLE, List.of("watched by alice"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 10), List.of(), null, true));
        ReportEntry episode = new ReportEntry("episode", "jf-e1", "S01E01 Episode", "Show", 1, "S01E01", 1, null, "/media/tv/Show/Season 1/e1.mkv",
                null, null, Verdict.ELIGIBLE, List.of("watched by alice"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 6), List.of(), null, true);
        scenario.report.add(new ReportEntry("season", "jf-s1", "Show season 1", "Show", 1, null, null, null, "/media/tv/Show/Season 1", null, 7001,
                Verdict.ELIGIBLE, List.of("all episodes watched"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 6), List.of(episode), null, true));
        scenario.actions = new app.pathary.cleanup.instances.CleanupActions(app.pathary.cleanup.instances.CleanupActions.MovieAction.DELETE_MOVIE,
                false, false, true);
        scenario.radarr.addRootFolder("/data/movies");
        scenario.sonarr.addRootFolder("/data/tv");

        CleanupPlan plan = scenario.planUnderPressure(stores, TODAY, rules("90%", "80%", false),
                () -> { });

        assertThat(plan.disks()).hasSize(1);
        DiskState disk = plan.disks().getFirst();
        assertThat(disk.rootFolders()).contains("radarr /data/movies", "sonarr /data/tv");
        // the season was last played first, so it goes first; 800 + 1,000 reach the 2,000 target only together
        assertThat(chosen(plan)).containsExactly("Show season 1", "Alien");
        assertThat(disk.projectedFree()).isEqualTo(2_300);
    }

    @Test
    void a_network_mount_missing_from_diskspace_uses_the_root_folders_figure_and_says_so() {
        scenario.sonarr.addDisk("/", 900_000, 1_000_000);
        scenario.sonarr.addDisk(new FakeDisk("/mnt/nas", 150_000_000_000L, 4_000_000_000_000L, false));
        scenario.sonarr.addRootFolder("/mnt/nas/tv");

        CleanupPlan percent = scenario.planUnderPressure(stores, TODAY, rules("90%", "80%", false), () -> { });
        DiskState nas = percent.disks().stream().filter(d -> d.name().equals("/mnt/nas/tv")).findFirst().orElseThrow();
        assertThat(nas.freeBytes()).isEqualTo(150_000_000_000L);
        assertThat(nas.totalBytes()).isNull();
        assertThat(nas.figureFrom()).startsWith("root folder /mnt/nas/tv of sonarr").contains("no size is known");
        assertThat(nas.status()).isEqualTo(DiskState.UNKNOWN);
        assertThat(nas.note()).contains("give its root folder a limit in GB");

        DiskRules perRoot = new DiskRules(Optional.empty(), Optional.empty(), false, List.of(new DiskOptions.RootRule("/mnt/nas/tv/",
                Optional.of("sonarr"), DiskLimit.parse("t", "200GB"), DiskLimit.parse("t", "300GB"))));
        DiskState judged = scenario.planUnderPressure(stores, TODAY, perRoot, () -> { }).disks().stream()
                .filter(d -> d.name().equals("/mnt/nas/tv")).findFirst().orElseThrow();
        assertThat(judged.status()).isEqualTo(DiskState.OVER);
        assertThat(judged.threshold()).isEqualTo("200.0 GB free");
    }

    @Test
    void execution_deletes_the_chosen_items_and_the_fakes_free_the_space_a_moment_later() throws InterruptedException {
        library();
        FakeDisk disk = scenario.radarr.addDisk("/movies", 500, 10_000);
        CleanupPlan plan = scenario.planUnderPressure(stores, TODAY, rules("90%", "80%", false), () -> { });

        CleanupExecutor.Outcome outcome = scenario.execute(plan, app.pathary.cleanup.instances.CleanupLimits.defaults(), false, stores);

        assertThat(outcome.deleted()).isEqualTo(2);
        assertThat(outcome.bytesByDisk()).containsEntry("/movies", 1_500L);
        assertThat(scenario.radarr.deletedFiles()).hasSize(2);
        for (int tries = 0; tries < 100 && disk.freeSpace() < 2_000; tries++) {
            Thread.sleep(20);
        }
        assertThat(disk.freeSpace()).isEqualTo(2_000);
    }

    @Test
    void execution_stops_once_the_disk_reached_its_target_and_says_so() {
        library();
        FakeDisk disk = scenario.radarr.addDisk("/movies", 500, 10_000);
        CleanupPlan plan = scenario.planUnderPressure(stores, TODAY, rules("90%", "80%", false), () -> { });
        disk.setFreeSpace(2_500);

        CleanupExecutor.Outcome outcome = scenario.execute(plan, app.pathary.cleanup.instances.CleanupLimits.defaults(), false, stores);

        assertThat(outcome.deleted()).isZero();
        assertThat(scenario.radarr.deletedFiles()).isEmpty();
        assertThat(outcome.toString()).contains("disk /movies reached its target (2.5 KB free, target 80 %)")
                .contains("2 disk-pressure deletions were not needed on /movies");
    }

    @Test
    void with_a_recycle_bin_free_space_would_not_rise_so_the_disk_pressure_deletions_stop_with_a_warning() {
        library();
        scenario.radarr.addDisk("/movies", 500, 10_000);
        scenario.radarr.setRecycleBin("/recycle");
        CleanupPlan plan = scenario.planUnderPressure(stores, TODAY, rules("90%", "80%", false), () -> { });
        assertThat(chosen(plan)).containsExactly("Alien", "Brazil");

        CleanupExecutor.Outcome outcome = scenario.execute(plan, app.pathary.cleanup.instances.CleanupLimits.defaults(), false, stores);

        assertThat(outcome.deleted()).isZero();
        assertThat(scenario.radarr.deletedFiles()).isEmpty();
        assertThat(outcome.diskNotes()).anySatisfy(note -> assertThat(note).startsWith("WARNING: Radarr radarr has a recycle bin"));
        assertThat(outcome.toString()).contains("frees no space on disk /movies until it is emptied");
    }
}
