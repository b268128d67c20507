package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.EpisodeWatchDate;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import app.pathary.testing.WebhookUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Mark played" on an episode in Jellyfin: the plugin's UserDataSaved (SaveReason TogglePlayed) carries the episode's
 * own ids and its series only as SeriesId/SeriesName, so the show is named by the series' ids read from Jellyfin with
 * the user's login, as for an episode's play; the movie's rules hold (opt-in, the event's day, no second date).
 */
@BothDialects
class EpisodeHandMarksHttpTest {
    /** 21:15 UTC on 3 January is the morning of 4 January in Auckland. */
    private static final Instant MARKED = Instant.parse("2026-01-03T21:15:00Z");
    private static final LocalDate MARK_DAY = LocalDate.of(2026, 1, 4);
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private final FakeItem expanse = jellyfin.addSeries("The Expanse", 2015).tvdb("280619").tmdb("63639").imdb("tt3230854");
    // the episode's own TVDb id: never to be taken for the show's
    private final FakeItem staticEpisode = jellyfin.addEpisode(expanse, 2, 3, "Static").tvdb("5787960");
    private final Dialect dialect;
    private TestApp app;
    private WebhookUser linked;

    EpisodeHandMarksHttpTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private void start(boolean loggedIn, boolean acceptMarks) {
        jellyfin.useClock(Clock.fixed(MARKED, ZoneOffset.UTC));
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("TIMEZONE", "Pacific/Auckland"));
        linked = WebhookUser.alice(app, jellyfin, loggedIn);
        app.app.jellyfinLink.links().setAcceptMarks(linked.userId(), acceptMarks);
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    /** Alice marks the episode played by hand: Jellyfin sets Played and LastPlayedDate, and the plugin sends UserDataSaved. */
    private String markPlayed(FakeItem episode) {
        jellyfin.setUserData(alice, episode, FakeUserData.playedOn(MARKED, 1));
        return jellyfin.webhooks().userDataSaved(alice, episode, "TogglePlayed");
    }

    private String lastLogged() {
        var latest = linked.lastDelivery();
        return latest.result() + ": " + latest.reason();
    }

    @Test
    void with_the_opt_in_an_episodes_mark_is_a_date_of_the_show_on_the_events_day_shown_as_marked_in_jellyfin() throws Exception {
        start(true, true);
        String payload = markPlayed(staticEpisode);
        JsonNode body = linked.send(payload);

        assertThat(body.get("result").asText()).isEqualTo("recorded");
        assertThat(body.get("watchedAt").asText()).isEqualTo(MARK_DAY.toString());
        assertThat(body.get("show").get("tvdbId").asInt()).as("the series' id, not the episode's").isEqualTo(280619);
        EpisodeWatchDate stored = linked.episodeDates().getFirst();
        assertThat(stored.watchedAt()).isEqualTo(MARK_DAY);
        assertThat(stored.plays()).isEqualTo(1);
        assertThat(stored.source()).isEqualTo("mark");
        assertThat(stored.episode().code()).isEqualTo("S02E03");
        assertThat(lastLogged()).startsWith("recorded: Marked played by hand in Jellyfin: counted on 2026-01-04");
        assertThat(linked.lastDelivery().title()).isEqualTo("The Expanse S02E03 – Static");

        assertThat(linked.send(payload).get("result").asText()).isEqualTo("duplicate");
        assertThat(linked.episodeDates()).singleElement().satisfies(d -> assertThat(d.plays()).isEqualTo(1));

        WebClient browser = app.client();
        browser.logIn("alice", "password1");
        String page = browser.get("/history/episodes").body();
        assertThat(page).contains("The Expanse").contains("S02E03")
                .contains("<span class=\"badge text-bg-light me-2 episode-source\">marked in Jellyfin</span>");
    }

    @Test
    void without_the_opt_in_an_episodes_mark_is_ignored_and_the_log_says_so() throws Exception {
        start(true, false);
        assertThat(linked.send(markPlayed(staticEpisode)).get("result").asText()).isEqualTo("ignored");
        assertThat(lastLogged()).isEqualTo("ignored: A hand mark in Jellyfin; counting them is off (switch it on on the Jellyfin page).");
        assertThat(linked.episodeDates()).isEmpty();
    }

    @Test
    void marking_an_episode_unplayed_changes_nothing_stored() throws Exception {
        start(true, true);
        linked.send(jellyfin.webhooks().playbackStop(alice, staticEpisode, 0, true));
        List<EpisodeWatchDate> before = linked.episodeDates();
        assertThat(before).hasSize(1);

        jellyfin.setUserData(alice, staticEpisode, FakeUserData.NONE);
        assertThat(linked.send(jellyfin.webhooks().userDataSaved(alice, staticEpisode, "TogglePlayed")).get("result").asText()).isEqualTo("ignored");
        assertThat(lastLogged()).isEqualTo("ignored: Marked unplayed in Jellyfin; Pathary keeps its watch dates.");
        assertThat(linked.episodeDates()).isEqualTo(before);
    }

    @Test
    void a_mark_on_a_day_the_episode_already_has_a_date_is_not_a_second_date_nor_a_second_play() throws Exception {
        start(true, true);
        assertThat(linked.send(jellyfin.webhooks().playbackStop(alice, staticEpisode, 0, true)).get("result").asText()).isEqualTo("recorded");

        JsonNode body = linked.send(markPlayed(staticEpisode));
        assertThat(body.get("result").asText()).isEqualTo("ignored");
        assertThat(body.get("reason").asText()).isEqualTo("Marked played by hand in Jellyfin on 2026-01-04, a day this episode "
                + "already has a watch date; nothing to add.");
        assertThat(linked.episodeDates()).singleElement().satisfies(d -> {
            assertThat(d.watchedAt()).isEqualTo(MARK_DAY);
            assertThat(d.plays()).isEqualTo(1);
            assertThat(d.source()).as("the date keeps the source of the play").isEqualTo("webhook");
        });
    }

    @Test
    void without_a_jellyfin_login_the_show_cannot_be_named_and_the_log_says_how_to_fix_it() throws Exception {
        start(false, true);
        JsonNode body = linked.send(markPlayed(staticEpisode));
        assertThat(body.get("result").asText()).isEqualTo("ignored");
        assertThat(lastLogged()).startsWith("ignored: The webhook names The Expanse only by its Jellyfin id; log in to Jellyfin "
                + "on the Jellyfin settings page");
        assertThat(linked.episodeDates()).isEmpty();
    }

    @Test
    void a_jellyfin_that_cannot_name_the_show_loses_nothing_and_the_log_says_why() throws Exception {
        start(true, true);
        jellyfin.failNext(10, FakeJellyfin.Fault.HTML_PAGE);
        JsonNode body = linked.send(markPlayed(staticEpisode));
        assertThat(body.get("result").asText()).isEqualTo("ignored");
        assertThat(lastLogged()).startsWith("ignored: Jellyfin could not tell which show The Expanse is");
        assertThat(linked.episodeDates()).isEmpty();
    }

    @Test
    void a_mark_carrying_the_date_pathary_wrote_to_the_episode_itself_is_an_echo_and_ignored() throws Exception {
        start(true, true);
        app.app.jellyfinLink.writes().record(linked.userId(), staticEpisode.id(), MARKED);
        assertThat(linked.send(markPlayed(staticEpisode)).get("result").asText()).isEqualTo("ignored");
        assertThat(lastLogged()).contains("Pathary set this played state itself");
        assertThat(linked.episodeDates()).isEmpty();
    }

    @Test
    void marks_of_two_episodes_count_each_under_the_one_show() throws Exception {
        start(true, true);
        FakeItem next = jellyfin.addEpisode(expanse, 2, 4, "Godspeed");
        linked.send(markPlayed(staticEpisode));
        linked.send(markPlayed(next));
        assertThat(linked.episodeDates()).extracting(d -> d.episode().code()).containsExactlyInAnyOrder("S02E03", "S02E04");
        assertThat(linked.episodeDates()).allSatisfy(d -> assertThat(d.source()).isEqualTo("mark"));
        assertThat(linked.episodeDates()).extracting(d -> d.show().tvdbId()).containsOnly(280619);
    }
}
