package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.PlayedMovie;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeJellyfinWebhooks.Delivery;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Mark played" in Jellyfin (UserDataSaved with SaveReason TogglePlayed), counted only for users who opt in. */
@BothDialects
class HandMarksHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MARKED = Instant.parse("2026-01-03T21:15:00Z");
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "pw");
    private final FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603").imdb("tt0133093");
    private final Dialect dialect;
    private TestApp app;
    private long userId;
    private URI webhook;

    HandMarksHttpTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private void start() {
        jellyfin.useClock(Clock.fixed(MARKED, ZoneOffset.UTC));
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("TIMEZONE", "UTC"));
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        webhook = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + app.app.jellyfinLink.webhookUrls().regenerate(userId));
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    /** Alice marks The Matrix played by hand: Jellyfin sets Played and LastPlayedDate, and the plugin sends UserDataSaved. */
    private String markPlayed() {
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(MARKED, 1));
        return jellyfin.webhooks().userDataSaved(alice, matrix, "TogglePlayed");
    }

    private String send(String payload) throws Exception {
        Delivery delivery = jellyfin.webhooks().post(webhook, payload);
        assertThat(delivery.status()).isEqualTo(200);
        return JSON.readTree(delivery.body()).get("result").asText();
    }

    private List<PlayedMovie.DateEntry> dates() {
        return app.app.history.queries().played(userId, null, 1, 10).stream().flatMap(p -> p.dates().stream()).toList();
    }

    private String lastLogged() {
        var latest = app.app.scrobble.deliveries().latest(userId, 1).getFirst();
        return latest.result() + ": " + latest.reason();
    }

    @Test
    void a_hand_mark_is_ignored_until_the_user_opts_in_and_the_delivery_log_says_so() throws Exception {
        start();
        assertThat(send(markPlayed())).isEqualTo("ignored");
        assertThat(lastLogged()).isEqualTo("ignored: A hand mark in Jellyfin; counting them is off (switch it on on the Jellyfin page).");
        assertThat(dates()).isEmpty();
    }

    @Test
    void with_the_opt_in_a_hand_mark_is_a_date_on_the_day_of_the_event_marked_so_and_the_same_delivery_counts_once() throws Exception {
        start();
        app.app.jellyfinLink.links().setAcceptMarks(userId, true);
        String payload = markPlayed();

        assertThat(send(payload)).isEqualTo("recorded");
        assertThat(dates()).containsExactly(new PlayedMovie.DateEntry(LocalDate.of(2026, 1, 3), 1, null, "mark"));
        assertThat(dates().getFirst().sourceLabel()).isEqualTo("marked in Jellyfin");
        assertThat(lastLogged()).startsWith("recorded: Marked played by hand in Jellyfin: counted on 2026-01-03");
        assertThat(send(payload)).isEqualTo("duplicate");
        assertThat(dates()).hasSize(1);
    }

    @Test
    void progress_reports_unmarks_and_other_reasons_are_not_hand_marks() throws Exception {
        start();
        app.app.jellyfinLink.links().setAcceptMarks(userId, true);
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(MARKED, 1));
        assertThat(send(jellyfin.webhooks().userDataSaved(alice, matrix, "PlaybackProgress"))).isEqualTo("ignored");
        assertThat(lastLogged()).isEqualTo("ignored: UserDataSaved with SaveReason PlaybackProgress is not a hand mark; only TogglePlayed is.");
        assertThat(send(jellyfin.webhooks().userDataSaved(alice, matrix, "UpdateUserData"))).isEqualTo("ignored");

        jellyfin.setUserData(alice, matrix, FakeUserData.NONE);
        assertThat(send(jellyfin.webhooks().userDataSaved(alice, matrix, "TogglePlayed"))).isEqualTo("ignored");
        assertThat(lastLogged()).isEqualTo("ignored: Marked unplayed in Jellyfin; Pathary keeps its watch dates.");
        assertThat(dates()).isEmpty();
    }

    @Test
    void a_mark_carrying_the_date_pathary_wrote_itself_is_an_echo_and_ignored() throws Exception {
        start();
        app.app.jellyfinLink.links().setAcceptMarks(userId, true);
        app.app.jellyfinLink.writes().record(userId, matrix.id(), MARKED);
        assertThat(send(markPlayed())).isEqualTo("ignored");
        assertThat(lastLogged()).contains("Pathary set this played state itself");
        assertThat(dates()).isEmpty();
    }

    @Test
    void the_jellyfin_page_switches_the_opt_in() {
        start();
        WebClient browser = app.client();
        browser.logIn("alice", "password1");
        assertThat(browser.get("/settings/integrations/jellyfin").body()).contains("Also count what I mark played by hand in Jellyfin");
        browser.submit("/settings/integrations/jellyfin", "/settings/integrations/jellyfin/marks", Map.of("enabled", "true"));
        assertThat(app.app.jellyfinLink.links().of(userId).acceptMarks()).isTrue();
        browser.submit("/settings/integrations/jellyfin", "/settings/integrations/jellyfin/marks", Map.of("enabled", "false"));
        assertThat(app.app.jellyfinLink.links().of(userId).acceptMarks()).isFalse();
    }
}
