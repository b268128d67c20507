package app.pathary.watched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
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

/** The engine over real HTTP against the fake Jellyfin: one scenario per rule. "Today" is 2026-02-20 (UTC). */
class WatchedStateTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 20);
    private final FakeJellyfin jellyfin = startedLongAgo();
    private final String apiKey = jellyfin.addApiKey();
    private final FakeUser alice = jellyfin.addAdmin("alice", "pw");
    private final FakeUser bob = jellyfin.addUser("bob", "pw");
    private final WatchedSweep sweep = new WatchedSweep(new HttpJellyfinClient(HttpClient.newHttpClient(),
            new ClientIdentity("Pathary", "test", "test-device", "test"), Duration.ofSeconds(5)), Clock.systemUTC());

    /** A fake whose library was added a year before "today", so plays come after the files arrived. */
    private static FakeJellyfin startedLongAgo() {
        FakeJellyfin fake = FakeJellyfin.start();
        fake.useClock(Clock.fixed(day(365), ZoneId.of("UTC")));
        return fake;
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    private static Instant day(int daysBeforeToday) {
        return TODAY.minusDays(daysBeforeToday).atTime(20, 0).atZone(ZoneId.of("UTC")).toInstant();
    }

    private void played(FakeUser user, FakeItem item, int daysAgo) {
        jellyfin.setUserData(user, item, FakeUserData.playedOn(day(daysAgo), 1));
    }

    private WatchedReport report(Strategy strategy, String primary) {
        return report(strategy, primary, List.of(), true);
    }

    private WatchedReport report(Strategy strategy, String primary, List<String> users, boolean keepFavorites) {
        var settings = new WatchedSettings(jellyfin.baseUrl(), apiKey, strategy, primary, users, 5, 3, keepFavorites, Set.of());
        var result = sweep.sweep(settings, ZoneId.of("UTC"));
        return WatchedVerdicts.plan(result.snapshot(), result.policy(), TODAY, Instant.now());
    }

    private static ReportEntry entry(WatchedReport report, String name) {
        return report.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + report.entries().stream().map(ReportEntry::name).toList()));
    }

    private FakeItem movie(String name) {
        return jellyfin.addMovie(name, 2000).tmdb(Integer.toString(Math.abs(name.hashCode()) % 100000 + 1)).path("/media/movies/" + name + ".mkv")
                .dateCreated(day(400));
    }

    @Test
    void primary_counts_only_the_primary_user_and_explains_each_verdict() {
        FakeItem watched = movie("Watched");
        FakeItem recent = movie("Recent");
        FakeItem bobs = movie("Bobs");
        played(alice, watched, 10);
        played(alice, recent, 2);
        played(bob, bobs, 30);
        WatchedReport report = report(Strategy.PRIMARY, "alice");
        assertThat(entry(report, "Watched").verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(entry(report, "Watched").explanation()).isEqualTo("watched by alice on 2026-02-10; grace of 5 days passed on 2026-02-15.");
        assertThat(entry(report, "Watched").eligibleOn()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(entry(report, "Watched").path()).isEqualTo("/media/movies/Watched.mkv");
        assertThat(entry(report, "Recent").verdict()).isEqualTo(Verdict.WAITING);
        assertThat(entry(report, "Recent").explanation()).endsWith("grace of 5 days ends on 2026-02-23.");
        assertThat(entry(report, "Bobs").verdict()).isEqualTo(Verdict.KEPT);
        assertThat(entry(report, "Bobs").explanation()).isEqualTo("not watched by alice.");
    }

    @Test
    void the_grace_period_ends_exactly_on_its_last_day() {
        FakeItem onTheDay = movie("On the day");
        FakeItem dayBefore = movie("Day before");
        played(alice, onTheDay, 5);
        played(alice, dayBefore, 4);
        WatchedReport report = report(Strategy.PRIMARY, "alice");
        assertThat(entry(report, "On the day").verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(entry(report, "Day before").verdict()).isEqualTo(Verdict.WAITING);
        assertThat(entry(report, "Day before").eligibleOn()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void with_any_another_users_rewatch_restarts_the_grace_period() {
        FakeItem rewatched = movie("Rewatched");
        played(alice, rewatched, 20);
        played(bob, rewatched, 1);
        ReportEntry entry = entry(report(Strategy.ANY, null), "Rewatched");
        assertThat(entry.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(entry.explanation()).isEqualTo("watched by alice on 2026-01-31 and bob on 2026-02-19; grace of 5 days ends on 2026-02-24.");
    }

    @Test
    void with_all_every_counted_user_must_have_watched() {
        FakeItem half = movie("Half");
        FakeItem both = movie("Both");
        played(alice, half, 20);
        played(alice, both, 20);
        played(bob, both, 9);
        WatchedReport report = report(Strategy.ALL, null);
        assertThat(entry(report, "Half").verdict()).isEqualTo(Verdict.KEPT);
        assertThat(entry(report, "Half").explanation()).isEqualTo("not yet watched by bob.");
        assertThat(entry(report, "Both").verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(entry(report, "Both").lastPlayed()).isEqualTo(TODAY.minusDays(9));
        assertThat(entry(report(Strategy.ALL, null, List.of("alice"), true), "Half").verdict())
                .as("CLEANUP_USERS narrows who counts").isEqualTo(Verdict.ELIGIBLE);
    }

    @Test
    void disabled_users_are_not_counted_by_default() {
        FakeUser gone = jellyfin.addUser("gone", "pw");
        jellyfin.setDisabled(gone, true);
        FakeItem movie = movie("Movie");
        played(alice, movie, 20);
        played(bob, movie, 20);
        assertThat(entry(report(Strategy.ALL, null), "Movie").verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(report(Strategy.ALL, null).policy()).contains("(alice, bob)").doesNotContain("gone");
    }

    @Test
    void favourites_of_movie_episode_season_or_series_keep_items() {
        FakeItem favourite = movie("Favourite");
        played(alice, favourite, 30);
        jellyfin.setUserData(bob, favourite, FakeUserData.NONE.withFavorite(true));
        FakeItem show = jellyfin.addSeries("Show", 2020).tvdb("7001");
        FakeItem s1e1 = jellyfin.addEpisode(show, 1, 1, "One").path("/media/tv/Show/Season 01/S01E01.mkv");
        FakeItem s2e1 = jellyfin.addEpisode(show, 2, 1, "Two").path("/media/tv/Show/Season 02/S02E01.mkv");
        FakeItem other = jellyfin.addSeries("Other", 2020);
        FakeItem o1 = jellyfin.addEpisode(other, 1, 1, "Pilot").path("/media/tv/Other/S01E01.mkv");
        FakeItem o2 = jellyfin.addEpisode(other, 1, 2, "Second").path("/media/tv/Other/S01E02.mkv");
        for (FakeItem episode : List.of(s1e1, s2e1, o1, o2)) {
            played(alice, episode, 30);
        }
        jellyfin.setUserData(bob, jellyfin.item(s2e1.parentId()), FakeUserData.NONE.withFavorite(true));
        jellyfin.setUserData(alice, o2, FakeUserData.playedOn(day(30), 1).withFavorite(true));
        WatchedReport report = report(Strategy.PRIMARY, "alice");
        assertThat(entry(report, "Favourite").verdict()).isEqualTo(Verdict.KEPT);
        assertThat(entry(report, "Favourite").explanation()).isEqualTo("a favourite of bob.");
        assertThat(entry(report, "Show season 1").verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(entry(report, "Show season 1").tvdbId()).isEqualTo(7001);
        assertThat(entry(report, "Show season 1").path()).isEqualTo("/media/tv/Show/Season 01");
        assertThat(entry(report, "Show season 2").verdict()).isEqualTo(Verdict.KEPT);
        assertThat(entry(report, "Show season 2").explanation()).isEqualTo("S02E01 is a favourite of bob (inherited from season 2 of Show).");
        assertThat(entry(report, "Other season 1").verdict()).isEqualTo(Verdict.KEPT);
        assertThat(entry(report, "Other season 1").explanation()).contains("S01E02 is a favourite of alice");
        jellyfin.setUserData(bob, show, FakeUserData.NONE.withFavorite(true));
        assertThat(entry(report(Strategy.PRIMARY, "alice"), "Show season 1").explanation()).contains("inherited from the series Show");
        assertThat(entry(report(Strategy.PRIMARY, "alice", List.of(), false), "Show season 1").verdict())
                .as("with CLEANUP_KEEP_FAVORITES=false").isEqualTo(Verdict.ELIGIBLE);
    }

    @Test
    void played_without_a_date_or_before_the_file_was_added_is_doubtful() {
        FakeItem noDate = movie("No date");
        jellyfin.setUserData(alice, noDate, new FakeUserData(true, 1, null, false, 0));
        FakeItem upgraded = movie("Upgraded").dateCreated(day(3));
        played(alice, upgraded, 30);
        FakeItem countOnly = movie("Count only");
        jellyfin.setUserData(alice, countOnly, new FakeUserData(false, 7, day(40), false, 0));
        WatchedReport report = report(Strategy.PRIMARY, "alice");
        assertThat(entry(report, "No date").verdict()).isEqualTo(Verdict.DOUBTFUL);
        assertThat(entry(report, "No date").explanation()).contains("without a last-played date");
        assertThat(entry(report, "Upgraded").verdict()).isEqualTo(Verdict.DOUBTFUL);
        assertThat(entry(report, "Upgraded").explanation()).contains("the file was added on 2026-02-17, after the last play");
        assertThat(entry(report, "Count only").verdict()).as("PlayCount alone never means watched").isEqualTo(Verdict.KEPT);
    }

    @Test
    void seasons_need_every_episode_with_a_file_and_specials_go_one_by_one() {
        FakeItem show = jellyfin.addSeries("Show", 2020);
        FakeItem e1 = jellyfin.addEpisode(show, 1, 1, "One").path("/tv/Show/S01/e1.mkv");
        FakeItem e23 = jellyfin.addEpisode(show, 1, 2, "Two and Three").indexNumberEnd(3).path("/tv/Show/S01/e2-3.mkv");
        jellyfin.addEpisode(show, 1, 4, "Four (missing)").virtual();
        FakeItem special = jellyfin.addEpisode(show, 0, 1, "Special").path("/tv/Show/Specials/s1.mkv");
        FakeItem special2 = jellyfin.addEpisode(show, 0, 2, "Another Special").path("/tv/Show/Specials/s2.mkv");
        FakeItem s2e1 = jellyfin.addEpisode(show, 2, 1, "New").path("/tv/Show/S02/e1.mkv");
        jellyfin.addEpisode(show, 2, 2, "Newer").path("/tv/Show/S02/e2.mkv");
        played(alice, e1, 10);
        played(alice, e23, 2);
        played(alice, special, 10);
        played(alice, s2e1, 10);
        WatchedReport report = report(Strategy.PRIMARY, "alice");
        ReportEntry season1 = entry(report, "Show season 1");
        assertThat(season1.verdict()).as("episodes have 3 days of grace here").isEqualTo(Verdict.WAITING);
        assertThat(season1.eligibleOn()).as("2 days ago plus 3 days of grace").isEqualTo(TODAY.plusDays(1));
        assertThat(season1.explanation()).isEqualTo("all 2 episodes watched, last on 2026-02-18; the last grace period ends on 2026-02-21 (S01E02-E03).");
        assertThat(season1.episodes()).extracting(ReportEntry::episode).containsExactly("S01E01", "S01E02-E03");
        assertThat(entry(report, "Show season 2").verdict()).isEqualTo(Verdict.KEPT);
        assertThat(entry(report, "Show season 2").explanation()).startsWith("1 of 2 episodes are not watched (S02E02)");
        assertThat(entry(report, "S00E01 Special").kind()).isEqualTo("episode");
        assertThat(entry(report, "S00E01 Special").verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(entry(report, "S00E02 Another Special").verdict()).isEqualTo(Verdict.KEPT);
        assertThat(report.entries()).noneMatch(e -> e.name().contains("missing"));
        assertThat(special2.id()).isNotNull();
    }

    @Test
    void unknown_users_in_the_settings_are_a_clear_error() {
        assertThatThrownBy(() -> report(Strategy.PRIMARY, "nobody")).isInstanceOf(InvalidInputException.class)
                .hasMessage("CLEANUP_PRIMARY_USER is nobody, not a Jellyfin user.");
        assertThatThrownBy(() -> report(Strategy.ANY, null, List.of("alice", "zed"), true))
                .hasMessage("CLEANUP_USERS names zed, not a Jellyfin user.");
        assertThatThrownBy(() -> report(Strategy.PRIMARY, null)).hasMessageContaining("needs CLEANUP_PRIMARY_USER");
    }

    @Test
    void the_sweep_answers_which_item_a_file_is_without_a_request() {
        FakeItem movie = movie("Indexed");
        var settings = new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.PRIMARY, "alice", List.of(), 5, 5, true, Set.of());
        var snapshot = sweep.sweep(settings, ZoneId.of("UTC")).snapshot();
        jellyfin.clearRequests();
        assertThat(snapshot.byPath("/media/movies/Indexed.mkv")).map(MediaItem::id).contains(movie.id());
        assertThat(snapshot.moviesByTmdbId(Integer.parseInt(movie.providerIds().get("Tmdb")))).extracting(MediaItem::id).containsExactly(movie.id());
        assertThat(jellyfin.requests()).isEmpty();
    }
}
