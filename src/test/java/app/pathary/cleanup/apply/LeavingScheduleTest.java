package app.pathary.cleanup.apply;

import static app.pathary.cleanup.apply.CleanupScenario.episode;
import static app.pathary.cleanup.apply.CleanupScenario.movie;
import static app.pathary.cleanup.apply.CleanupScenario.season;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.leaving.LeavingItem;
import app.pathary.cleanup.leaving.LeavingSoon;
import app.pathary.cleanup.leaving.LeavingSoonEvents;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.config.LeavingOptions;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leaving-soon schedule: an item first seen eligible on day X leaves on X + 7 and keeps that date in later plans;
 * only items whose date has come are deleted (each re-verified); items that stop being eligible leave with the reason.
 */
@BothDialects
class LeavingScheduleTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Instant AIRED = Instant.parse("2025-01-01T00:00:00Z");
    private final CleanupScenario scenario;
    private final List<List<LeavingItem>> announced = new ArrayList<>();
    private final CleanupStores stores;

    LeavingScheduleTest(Dialect dialect) {
        scenario = new CleanupScenario(dialect);
        LeavingSoonEvents events = new LeavingSoonEvents() {
            @Override
            public void announced(List<LeavingItem> items) {
                announced.add(items);
            }

            @Override
            public void keepRequested(app.pathary.cleanup.leaving.KeepRequest request) {
            }

            @Override
            public void keepDecided(app.pathary.cleanup.leaving.KeepRequest request) {
            }
        };
        LeavingOptions week = LeavingOptions.defaults();
        stores = CleanupStores.of(scenario.database.jdbi(), Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC),
                new LeavingSoon.Setting(week, Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, events));
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void an_item_first_seen_eligible_is_announced_for_a_week_later_and_keeps_that_date_in_later_plans() {
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));

        CleanupPlan first = scenario.plan(stores, DAY);
        assertThat(first.deletions()).as("nothing is due on the day it is announced").isZero();
        PlanEntry heat = CleanupScenario.entryFor(first, "Heat");
        assertThat(heat.action()).isEqualTo(PlanEntry.LEAVING);
        assertThat(heat.reasons().getFirst()).isEqualTo("leaving on 2026-03-08 (announced on 2026-03-01); not deleted before then");
        assertThat(announced).hasSize(1);

        scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 2000);
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
        CleanupPlan later = scenario.plan(stores, DAY.plusDays(3));
        assertThat(CleanupScenario.entryFor(later, "Heat").reasons().getFirst()).startsWith("leaving on 2026-03-08 ");
        assertThat(CleanupScenario.entryFor(later, "Alien").reasons().getFirst()).startsWith("leaving on 2026-03-11 ");
        assertThat(announced).as("a later plan announces only what is new").hasSize(2);
        assertThat(announced.get(1)).extracting(LeavingItem::title).containsExactly("Alien");
        assertThat(stores.leaving().leaving()).extracting(LeavingItem::title, LeavingItem::leavesOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Heat", LocalDate.of(2026, 3, 8)),
                        org.assertj.core.groups.Tuple.tuple("Alien", LocalDate.of(2026, 3, 11)));
    }

    @Test
    void a_later_plan_rewrites_only_the_schedule_rows_that_changed() {
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        var alien = scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien");
        alien.file("/movies/Alien/Alien.mkv", 2000);
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
        scenario.plan(stores, DAY);
        scenario.database.jdbi().useHandle(h -> h.execute("UPDATE cleanup_leaving SET updated_at = 1"));

        alien.file("/movies/Alien/Alien.mkv", 3000); // a bigger file: Alien's row says so
        scenario.plan(stores, DAY.plusDays(1));

        Map<String, Long> written = scenario.database.jdbi().withHandle(h -> h.createQuery("SELECT title, updated_at FROM cleanup_leaving")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list()).stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(written).containsEntry("Heat", 1L).hasEntrySatisfying("Alien", at -> assertThat(at).isNotEqualTo(1L));
        assertThat(stores.leaving().leaving()).extracting(LeavingItem::title, LeavingItem::bytes)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Heat", 1000L), org.assertj.core.groups.Tuple.tuple("Alien", 3000L));
    }

    @Test
    void executing_deletes_only_the_items_whose_date_has_come() {
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.plan(stores, DAY);
        var alien = scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 2000);
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
        scenario.plan(stores, DAY.plusDays(2));

        CleanupPlan due = scenario.plan(stores, DAY.plusDays(7));
        assertThat(due.withAction(PlanEntry.DELETE_MOVIE)).extracting(PlanEntry::title).containsExactly("Heat");
        assertThat(CleanupScenario.entryFor(due, "Alien").action()).isEqualTo(PlanEntry.LEAVING);
        CleanupExecutor.Outcome outcome = scenario.execute(due, app.pathary.cleanup.instances.CleanupLimits.defaults(), false, stores);

        assertThat(outcome.deleted()).isEqualTo(1);
        assertThat(scenario.radarr.movie(heat.id()).exists()).isFalse();
        assertThat(scenario.radarr.movie(alien.id()).exists()).as("announced for 2026-03-10").isTrue();
        assertThat(stores.leaving().leaving()).extracting(LeavingItem::title).containsExactly("Alien");
        assertThat(stores.leaving().recentlyLeft(30)).singleElement().satisfies(item -> {
            assertThat(item.state()).isEqualTo(LeavingItem.DELETED);
            assertThat(item.outcome()).isEqualTo("deleted the movie and its files");
        });
    }

    @Test
    void the_schedule_lives_in_the_database_so_a_restarted_pathary_keeps_the_dates_and_executes_the_stored_plan() {
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.plan(stores, DAY);
        CleanupPlan due = scenario.plan(stores, DAY.plusDays(7));

        // killed between plan and apply: a new process holds nothing but the database
        CleanupStores restarted = CleanupStores.of(scenario.database.jdbi(), Clock.fixed(Instant.parse("2026-03-08T12:00:00Z"), ZoneOffset.UTC),
                new LeavingSoon.Setting(LeavingOptions.defaults(), Clock.fixed(Instant.parse("2026-03-08T12:00:00Z"), ZoneOffset.UTC),
                        ZoneOffset.UTC, LeavingSoonEvents.NONE));
        assertThat(restarted.leaving().leaving()).extracting(LeavingItem::leavesOn).containsExactly(DAY.plusDays(7));
        CleanupPlan stored = restarted.plans().plan(due.id()).orElseThrow().plan();
        assertThat(stored.digest()).isEqualTo(due.digest());
        CleanupExecutor.Outcome outcome = scenario.execute(stored, app.pathary.cleanup.instances.CleanupLimits.defaults(), false, restarted);

        assertThat(outcome.deleted()).isEqualTo(1);
        assertThat(scenario.radarr.movie(heat.id()).exists()).isFalse();
        assertThat(restarted.leaving().leaving()).isEmpty();
    }

    @Test
    void a_due_item_that_became_a_favourite_is_checked_again_and_kept() {
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.plan(stores, DAY);
        CleanupPlan due = scenario.plan(stores, DAY.plusDays(7));
        scenario.report.set(0, favourite(scenario.report.getFirst()));

        CleanupExecutor.Outcome outcome = scenario.execute(due, app.pathary.cleanup.instances.CleanupLimits.defaults(), false, stores);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(scenario.radarr.movie(heat.id()).exists()).isTrue();
    }

    @Test
    void items_that_stop_being_eligible_leave_the_schedule_with_their_reason() {
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        var alien = scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 2000);
        scenario.radarr.addMovie("Ran", 1985, 11645, "/movies/Ran").file("/movies/Ran/Ran.mkv", 3000);
        var show = scenario.sonarr.addSeries("Show", 7001, 8001, "/tv/Show", "ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, AIRED);
        scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e1.mkv", 500, e1);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-ran", "Ran", "/media/movies/Ran/Ran.mkv", 11645, Verdict.ELIGIBLE));
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1.mkv", Verdict.ELIGIBLE)));
        scenario.plan(stores, DAY);
        assertThat(stores.leaving().leaving()).hasSize(4);

        scenario.report.set(0, favourite(scenario.report.get(0)));
        int keep = scenario.radarr.addTag("keep");
        scenario.radarr.movie(alien.id()).tags(keep);
        stores.exclusions().exclude("jf-ran", "Ran", "alice");
        scenario.report.set(3, season("jf-s1", "Show", 1, 7001, Verdict.WAITING,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1.mkv", Verdict.WAITING)));
        CleanupPlan plan = scenario.plan(stores, DAY.plusDays(1));

        assertThat(plan.deletions()).isZero();
        assertThat(stores.leaving().leaving()).isEmpty();
        assertThat(stores.leaving().recentlyLeft(30)).allMatch(item -> item.state().equals(LeavingItem.KEPT))
                .extracting(LeavingItem::title, LeavingItem::outcome).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Heat", "kept: favourite of bob"),
                        org.assertj.core.groups.Tuple.tuple("Alien", CleanupScenario.entryFor(plan, "Alien").reasons().stream()
                                .filter(r -> !r.startsWith("matched by")).reduce((a, b) -> a + "; " + b).orElseThrow()),
                        org.assertj.core.groups.Tuple.tuple("Ran", CleanupScenario.entryFor(plan, "Ran").reasons().getFirst()),
                        org.assertj.core.groups.Tuple.tuple("Show season 1", CleanupScenario.entryFor(plan, "Show season 1").reasons().getFirst()));
        assertThat(stores.leaving().recentlyLeft(30)).filteredOn(i -> i.title().equals("Ran")).singleElement()
                .extracting(LeavingItem::outcome).asString().startsWith("excluded from cleanup by alice");
        assertThat(stores.leaving().recentlyLeft(30)).filteredOn(i -> i.title().equals("Alien")).singleElement()
                .extracting(LeavingItem::outcome).asString().contains("keep");

        scenario.report.set(0, movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        CleanupPlan again = scenario.plan(stores, DAY.plusDays(4));
        assertThat(CleanupScenario.entryFor(again, "Heat").reasons().getFirst())
                .as("eligible again: announced afresh").startsWith("leaving on 2026-03-12 (announced on 2026-03-05)");
    }

    private static ReportEntry favourite(ReportEntry e) {
        return new ReportEntry(e.kind(), e.jellyfinId(), e.name(), e.series(), e.season(), e.episode(), e.episodeNumber(), e.episodeEnd(),
                e.path(), e.tmdbId(), e.tvdbId(), Verdict.KEPT, List.of("favourite of bob"), e.lastPlayed(), e.eligibleOn(), e.episodes());
    }
}
