package app.pathary.watched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fresh read an execution makes right before deleting: one request for the items, then one batched request per
 * counted user for the items, their seasons and series; the verdict of that slice is the sweep's verdict.
 */
class WatchedSliceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 20);
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final String apiKey = jellyfin.addApiKey();
    private final FakeUser alice = jellyfin.addAdmin("alice", "pw");
    private final FakeUser bob = jellyfin.addUser("bob", "pw");
    private final FakeUser carol = jellyfin.addUser("carol", "pw");
    private final WatchedSweep sweep = new WatchedSweep(new HttpJellyfinClient(HttpClient.newHttpClient(),
            new ClientIdentity("Pathary", "test", "test-device", "test"), Duration.ofSeconds(5)), Clock.systemUTC());

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    private static Instant day(int daysBeforeToday) {
        return TODAY.minusDays(daysBeforeToday).atTime(20, 0).atZone(ZoneId.of("UTC")).toInstant();
    }

    @Test
    void a_slice_costs_one_request_plus_one_per_counted_user_and_judges_as_the_sweep_does() {
        jellyfin.useClock(Clock.fixed(day(400), ZoneId.of("UTC")));
        FakeItem show = jellyfin.addSeries("Show", 2020).tvdb("7001");
        FakeItem e1 = jellyfin.addEpisode(show, 1, 1, "One").path("/media/tv/Show/S1/e1.mkv");
        FakeItem e2 = jellyfin.addEpisode(show, 1, 2, "Two").path("/media/tv/Show/S1/e2.mkv");
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat.mkv");
        for (FakeItem item : List.of(e1, e2, heat)) {
            jellyfin.setUserData(alice, item, FakeUserData.playedOn(day(30), 1));
        }
        jellyfin.setUserData(carol, show, FakeUserData.NONE.withFavorite(true));
        var settings = new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.ANY, null, List.of("alice", "bob", "carol"), 5, 3, true, Set.of());
        WatchedSweep.Live live = sweep.live(settings, ZoneId.of("UTC"));
        jellyfin.clearRequests();

        LibrarySnapshot slice = sweep.slice(live, List.of(e1.id(), e2.id(), heat.id()));
        assertThat(jellyfin.requestCount("GET", "/Items")).as("1 for the items + 1 per counted user").isEqualTo(4);
        WatchedReport fresh = WatchedVerdicts.plan(slice, live.policy(), TODAY, Instant.now());
        assertThat(fresh.entries()).extracting(ReportEntry::name, ReportEntry::verdict).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Heat", Verdict.ELIGIBLE), org.assertj.core.groups.Tuple.tuple("Show season 1", Verdict.KEPT));
        assertThat(fresh.entries().stream().filter(e -> e.name().equals("Show season 1")).findFirst().orElseThrow().reasons().getFirst())
                .contains("a favourite of carol (inherited from the series Show)");

        var full = sweep.sweep(settings, ZoneId.of("UTC"));
        WatchedReport whole = WatchedVerdicts.plan(full.snapshot(), full.policy(), TODAY, Instant.now());
        assertThat(whole.entries()).extracting(ReportEntry::name, ReportEntry::verdict, ReportEntry::reasons)
                .containsExactlyInAnyOrderElementsOf(fresh.entries().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.name(), e.verdict(), e.reasons())).toList());
    }

    @Test
    void an_item_jellyfin_no_longer_has_is_absent_from_the_slice() {
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat.mkv");
        var settings = new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.PRIMARY, "alice", List.of(), 5, 3, true, Set.of());
        WatchedSweep.Live live = sweep.live(settings, ZoneId.of("UTC"));
        LibrarySnapshot slice = sweep.slice(live, List.of(heat.id(), "0123456789abcdef0123456789abcdef"));
        assertThat(slice.itemCount()).isEqualTo(1);
    }
}
