package app.pathary.cleanup.leaving;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.config.LeavingOptions;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.TestDatabases;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Jellyfin "Leaving soon" collections follow the schedule: members added and removed, ordered by deletion date,
 * seasons shown through their series, recreated after the collection vanished, never duplicated after a failed lookup,
 * and removed when the setting is switched off.
 */
@BothDialects
class LeavingCollectionsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final Database database;
    private final JellyfinServer server;
    private final HttpJellyfinClient client = new HttpJellyfinClient(HttpClient.newHttpClient(),
            new ClientIdentity("Pathary", "test", "test-device", "test"), Duration.ofSeconds(5));
    private final List<PlanEntry> eligible = new ArrayList<>();
    private final FakeItem heat;
    private final FakeItem alien;
    private final FakeItem ran;
    private final FakeItem show;
    private final FakeItem showEpisode;

    LeavingCollectionsTest(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        jellyfin.addAdmin("alice", "pw");
        server = new JellyfinServer(jellyfin.baseUrl(), jellyfin.addApiKey());
        heat = jellyfin.addMovie("Heat", 1995);
        alien = jellyfin.addMovie("Alien", 1979);
        ran = jellyfin.addMovie("Ran", 1985);
        show = jellyfin.addSeries("Show", 2020);
        showEpisode = jellyfin.addEpisode(show, 1, 1, "Pilot");
    }

    @AfterEach
    void close() {
        jellyfin.close();
        database.close();
    }

    private LeavingSoon leaving(boolean collections) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        LeavingOptions options = new LeavingOptions(7, collections, "Leaving soon", "Leaving soon: series", LeavingOptions.KeepRequests.ADMIN, 30);
        return LeavingSoon.of(database.jdbi(), new LeavingSoon.Setting(options, clock, ZoneOffset.UTC, LeavingSoonEvents.NONE));
    }

    private LeavingCollections collections(LeavingSoon leaving) {
        return new LeavingCollections(client, () -> Optional.of(server), database.jdbi(), leaving);
    }

    /** A plan made on {@code day} deleting what {@link #eligible} holds now. */
    private void planOn(LeavingSoon leaving, LocalDate day) {
        leaving.schedule(new CleanupPlan(Instant.parse("2026-03-01T12:00:00Z"), day, "test", eligible, List.of()));
    }

    private static PlanEntry movie(FakeItem item, int arrId) {
        return new PlanEntry(PlanEntry.DELETE_MOVIE, "radarr", arrId, List.of(item.id()), item.name(), "/movies/" + item.name(), 1000,
                List.of("watched by alice"), "delete-movie-and-files", arrId, null, null, null);
    }

    private static PlanEntry season(FakeItem episode, String title, int arrId) {
        return new PlanEntry(PlanEntry.DELETE_EPISODE_FILES, "sonarr", arrId, List.of(episode.id()), title, "/tv/" + title, 500,
                List.of("watched by alice"), null, null, List.of(1), List.of(1), null);
    }

    private List<String> members(String name) {
        return jellyfin.collectionsNamed(name).getFirst().members();
    }

    @Test
    void the_collections_hold_what_leaves_soonest_first_and_seasons_through_their_series() {
        LeavingSoon leaving = leaving(true);
        eligible.add(movie(alien, 2));
        eligible.add(season(showEpisode, "Show season 1", 7));
        planOn(leaving, DAY);
        eligible.addFirst(movie(heat, 1));
        planOn(leaving, DAY.plusDays(1));

        String said = collections(leaving).reconcile();

        assertThat(said).isEqualTo("Jellyfin collections: Leaving soon (2), Leaving soon: series (1).");
        assertThat(members("Leaving soon")).as("Alien leaves on 03-08, Heat on 03-09").containsExactly(alien.id(), heat.id());
        assertThat(members("Leaving soon: series")).containsExactly(show.id());
        assertThat(jellyfin.collectionsNamed("Leaving soon").getFirst().locked()).isTrue();
    }

    @Test
    void items_that_leave_the_schedule_leave_the_collection_and_new_ones_join_in_date_order() {
        LeavingSoon leaving = leaving(true);
        eligible.add(movie(heat, 1));
        eligible.add(movie(alien, 2));
        planOn(leaving, DAY);
        collections(leaving).reconcile();
        String id = jellyfin.collectionsNamed("Leaving soon").getFirst().id();

        eligible.removeFirst();
        eligible.add(movie(ran, 3));
        planOn(leaving, DAY.plusDays(2));
        jellyfin.clearRequests();
        collections(leaving).reconcile();

        assertThat(jellyfin.collectionsNamed("Leaving soon")).singleElement().satisfies(c -> {
            assertThat(c.id()).as("the same collection").isEqualTo(id);
            assertThat(c.members()).containsExactly(alien.id(), ran.id());
        });
        assertThat(jellyfin.requestCount("DELETE", "/Collections/" + id + "/Items")).isEqualTo(1);
        assertThat(jellyfin.requestCount("POST", "/Collections/" + id + "/Items")).isEqualTo(1);
    }

    @Test
    void members_out_of_order_are_moved_behind_and_batches_hold_at_most_fifty_ids() {
        LeavingSoon leaving = leaving(true);
        String id = jellyfin.addCollection("Leaving soon", alien, ran, heat);
        List<FakeItem> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(jellyfin.addMovie("Film " + i, 2000));
        }
        eligible.add(movie(heat, 1));
        eligible.add(movie(alien, 2));
        eligible.add(movie(ran, 3));
        planOn(leaving, DAY);
        for (int i = 0; i < many.size(); i++) {
            eligible.add(movie(many.get(i), 100 + i));
        }
        planOn(leaving, DAY.plusDays(1));
        jellyfin.clearRequests();

        collections(leaving).reconcile();

        // by date, then by title: Alien, Heat, Ran leave on 03-08, the films on 03-09
        List<String> expected = new ArrayList<>(List.of(alien.id(), heat.id(), ran.id()));
        many.stream().sorted(java.util.Comparator.comparing(FakeItem::name)).forEach(m -> expected.add(m.id()));
        assertThat(jellyfin.collectionsNamed("Leaving soon")).singleElement().satisfies(c -> {
            assertThat(c.id()).as("an existing collection of that name is used, not duplicated").isEqualTo(id);
            assertThat(c.members()).containsExactlyElementsOf(expected);
        });
        assertThat(jellyfin.requestCount("DELETE", "/Collections/" + id + "/Items")).as("Ran and Heat were out of order").isEqualTo(1);
        assertThat(jellyfin.requestCount("POST", "/Collections/" + id + "/Items")).as("62 ids in two calls").isEqualTo(2);
        assertThat(jellyfin.requests()).filteredOn(r -> r.path().contains("/Collections/"))
                .allSatisfy(r -> assertThat(r.query().split("%2C|,").length).isLessThanOrEqualTo(50));
    }

    @Test
    void a_collection_that_vanished_is_made_again_and_a_failed_lookup_makes_no_duplicate() {
        LeavingSoon leaving = leaving(true);
        eligible.add(movie(heat, 1));
        planOn(leaving, DAY);
        collections(leaving).reconcile();
        String first = jellyfin.collectionsNamed("Leaving soon").getFirst().id();

        jellyfin.failNext(1, FakeJellyfin.Fault.SERVER_ERROR);
        String said = collections(leaving).reconcile();
        assertThat(said).startsWith("Leaving-soon collections not updated: Jellyfin could not be read or changed");
        assertThat(jellyfin.collectionsNamed("Leaving soon")).extracting(FakeJellyfin.FakeCollection::id).containsExactly(first);

        jellyfin.vanishCollection(first);
        jellyfin.failNext(1, FakeJellyfin.Fault.SERVER_ERROR);
        collections(leaving).reconcile();
        assertThat(jellyfin.collections()).as("the lookup failed: nothing is created").isEmpty();

        collections(leaving).reconcile();
        assertThat(jellyfin.collectionsNamed("Leaving soon")).singleElement().satisfies(c -> {
            assertThat(c.id()).isNotEqualTo(first);
            assertThat(c.members()).containsExactly(heat.id());
        });
        assertThat(jellyfin.requestCount("GET", "/Items/" + first)).as("its 404 confirmed it gone").isEqualTo(1);
    }

    @Test
    void switching_the_setting_off_removes_the_collections_pathary_made() {
        String mine = jellyfin.addCollection("Marvel", heat);
        eligible.add(movie(heat, 1));
        eligible.add(season(showEpisode, "Show season 1", 7));
        LeavingSoon on = leaving(true);
        planOn(on, DAY);
        collections(on).reconcile();
        assertThat(jellyfin.collections()).hasSize(3);

        String said = collections(leaving(false)).reconcile();

        assertThat(said).contains("Removed the leaving-soon collections");
        assertThat(jellyfin.collections()).extracting(FakeJellyfin.FakeCollection::id).containsExactly(mine);
        assertThat(collections(leaving(false)).reconcile()).as("nothing left to remove").isEmpty();
    }
}
