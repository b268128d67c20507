package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.EpisodeWatchDate;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebhookUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Episode plays from the webhook, with payloads exactly as the plugin builds them: the episode carries its own provider
 * ids and the series only as {@code SeriesId}/{@code SeriesName}, so the show is named by the series' ids from Jellyfin.
 */
@BothDialects
class EpisodeWebhookHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private final FakeItem expanse = jellyfin.addSeries("The Expanse", 2015).tvdb("280619").tmdb("63639").imdb("tt3230854");
    // the episode's own TVDb id: never to be taken for the show's
    private final FakeItem staticEpisode = jellyfin.addEpisode(expanse, 2, 3, "Static").tvdb("5787960");
    private final Dialect dialect;
    private TestApp app;
    private WebhookUser linked;

    EpisodeWebhookHttpTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private void start(boolean loggedIn) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2026-01-03T23:30:00Z"), ZoneOffset.UTC));
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("TIMEZONE", "Pacific/Auckland"));
        linked = WebhookUser.alice(app, jellyfin, loggedIn);
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    @Test
    void a_completed_episode_becomes_an_episode_date_of_the_show_named_by_the_series_ids() throws Exception {
        start(true);
        JsonNode body = linked.send(jellyfin.webhooks().playbackStop(alice, staticEpisode, 0, true));
        assertThat(body.get("result").asText()).isEqualTo("recorded");
        assertThat(body.get("watchedAt").asText()).as("23:30 UTC is the next morning in Auckland").isEqualTo("2026-01-04");
        assertThat(body.get("show").get("tvdbId").asInt()).isEqualTo(280619);
        assertThat(body.get("show").get("tmdbId").asInt()).isEqualTo(63639);
        assertThat(body.get("show").get("imdbId").asText()).isEqualTo("tt3230854");
        assertThat(body.get("show").get("title").asText()).isEqualTo("The Expanse");
        assertThat(body.get("show").get("year").asInt()).isEqualTo(2015);
        assertThat(body.get("episode").get("season").asInt()).isEqualTo(2);
        assertThat(body.get("episode").get("number").asInt()).isEqualTo(3);
        assertThat(body.get("episode").get("title").asText()).isEqualTo("Static");

        EpisodeWatchDate stored = linked.episodeDates().getFirst();
        assertThat(stored.watchedAt()).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(stored.plays()).isEqualTo(1);
        assertThat(stored.source()).isEqualTo("webhook");
        assertThat(stored.show().tvdbId()).isEqualTo(280619);
        assertThat(linked.lastDelivery().title()).isEqualTo("The Expanse S02E03 – Static");
        assertThat(linked.lastDelivery().result()).isEqualTo("recorded");
    }

    @Test
    void the_same_delivery_twice_counts_once_and_a_later_play_adds_a_play() throws Exception {
        start(true);
        String payload = jellyfin.webhooks().playbackStop(alice, staticEpisode, 0, true);
        linked.send(payload);
        assertThat(linked.send(payload).get("result").asText()).isEqualTo("duplicate");
        assertThat(linked.lastDelivery().result()).isEqualTo("duplicate");
        jellyfin.useClock(Clock.fixed(Instant.parse("2026-01-04T01:30:00Z"), ZoneOffset.UTC));
        assertThat(linked.send(jellyfin.webhooks().playbackStop(alice, staticEpisode, 0, true)).get("result").asText()).isEqualTo("recorded");
        assertThat(linked.episodeDates()).singleElement().satisfies(d -> assertThat(d.plays()).isEqualTo(2));
    }

    @Test
    void a_multi_episode_file_keeps_its_end_number() throws Exception {
        start(true);
        FakeItem pilot = jellyfin.addEpisode(expanse, 1, 1, "Dulcinea").indexNumberEnd(2);
        JsonNode body = linked.send(jellyfin.webhooks().playbackStop(alice, pilot, 0, true));
        assertThat(body.get("episode").get("endNumber").asInt()).isEqualTo(2);
        assertThat(linked.episodeDates().getFirst().episode().code()).isEqualTo("S01E01–E02");
        assertThat(linked.lastDelivery().title()).isEqualTo("The Expanse S01E01–E02 – Dulcinea");
    }

    @Test
    void without_a_jellyfin_login_the_show_cannot_be_named_and_the_log_says_how_to_fix_it() throws Exception {
        start(false);
        JsonNode body = linked.send(jellyfin.webhooks().playbackStop(alice, staticEpisode, 0, true));
        assertThat(body.get("result").asText()).isEqualTo("ignored");
        assertThat(body.get("reason").asText()).contains("log in to Jellyfin on the Jellyfin settings page");
        assertThat(linked.lastDelivery().result()).isEqualTo("ignored");
        assertThat(linked.lastDelivery().title()).isEqualTo("The Expanse S02E03 – Static");
        assertThat(linked.episodeDates()).isEmpty();
    }

    @Test
    void a_show_jellyfin_has_no_ids_for_is_not_guessed_from_the_episodes_own_ids() throws Exception {
        start(true);
        FakeItem homeMade = jellyfin.addSeries("Family Trip", 2020);
        FakeItem day = jellyfin.addEpisode(homeMade, 1, 1, "Day One").tvdb("123456");
        JsonNode body = linked.send(jellyfin.webhooks().playbackStop(alice, day, 0, true));
        assertThat(body.get("result").asText()).isEqualTo("ignored");
        assertThat(body.get("reason").asText()).isEqualTo("Jellyfin has no TVDb, TMDb or IMDb id for Family Trip; identify the show in Jellyfin.");
        assertThat(linked.episodeDates()).isEmpty();
    }

    @Test
    void a_jellyfin_that_cannot_answer_loses_nothing_stored_and_the_log_says_why() throws Exception {
        start(true);
        jellyfin.failNext(10, FakeJellyfin.Fault.HTML_PAGE);
        JsonNode body = linked.send(jellyfin.webhooks().playbackStop(alice, staticEpisode, 0, true));
        assertThat(body.get("result").asText()).isEqualTo("ignored");
        assertThat(body.get("reason").asText()).startsWith("Jellyfin could not tell which show The Expanse is");
        assertThat(linked.episodeDates()).isEmpty();
    }

    @Test
    void incomplete_or_unnumbered_episodes_are_ignored_with_their_reason() throws Exception {
        start(true);
        assertThat(linked.send(jellyfin.webhooks().playbackStop(alice, staticEpisode, 10_000_000L, false)).get("reason").asText())
                .isEqualTo("Not played to completion.");
        ObjectNodeEdit edit = new ObjectNodeEdit(jellyfin.webhooks().playbackStop(alice, staticEpisode, 0, true));
        assertThat(linked.send(edit.without("EpisodeNumber")).get("reason").asText()).startsWith("Jellyfin has no season or episode number");
        assertThat(linked.send(edit.without("SeriesId")).get("reason").asText()).startsWith("The episode has no SeriesId");
        assertThat(linked.episodeDates()).isEmpty();
    }

    /** The payload with one key removed, keeping the plugin's order and compact form. */
    private record ObjectNodeEdit(String payload) {
        String without(String key) throws Exception {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(payload);
            node.remove(key);
            return JSON.writeValueAsString(node);
        }
    }
}
