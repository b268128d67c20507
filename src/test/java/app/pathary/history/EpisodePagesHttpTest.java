package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.EpisodeCommand.AddPlays;
import app.pathary.history.HistoryChange.Source;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@BothDialects
class EpisodePagesHttpTest {
    private static final NewShow EXPANSE = new NewShow(new ShowIds(280619, null, null), "The Expanse", 2015);
    private TestApp app;
    private WebClient browser;
    private long alice;
    private long episodeId;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        browser = app.client();
        browser.setUpAdmin("alice", "alice@example.org", "password1");
        alice = app.app.users.accounts().byName("alice").id();
        var changes = app.app.history.episodes().apply(alice, new AddPlays(new EpisodeRef.CreateIfMissing(EXPANSE,
                new NewEpisode(2, 3, null, "Static")), LocalDate.of(2025, 11, 2), 1, "good"), Source.WEBHOOK);
        episodeId = changes.getFirst().episodeId();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String episodePage() {
        return browser.get("/episodes/" + episodeId).body();
    }

    @Test
    void a_date_moved_to_another_day_keeps_its_plays_and_a_bad_date_is_refused_losing_nothing() {
        var moved = browser.submit("/episodes/" + episodeId, "/episodes/" + episodeId + "/dates/set",
                Map.of("watchedAt", "2025-11-02", "newWatchedAt", "2025-11-01", "plays", "3", "comment", "good"));
        assertThat(moved.headers().firstValue("Location")).contains("/episodes/" + episodeId);
        assertThat(episodePage()).contains("The watch date was saved.").contains("2025-11-01").doesNotContain(">2025-11-02<");
        var refused = browser.submit("/episodes/" + episodeId, "/episodes/" + episodeId + "/dates",
                Map.of("watchedAt", "1850-01-01", "plays", "1"));
        assertThat(refused.statusCode()).isEqualTo(302);
        String page = episodePage();
        assertThat(page).contains("The date must be a date from 1888-01-01");
        var dates = app.app.history.episodeQueries().datesOf(alice, episodeId);
        assertThat(dates).singleElement().satisfies(d -> {
            assertThat(d.watchedAt()).isEqualTo(LocalDate.of(2025, 11, 1));
            assertThat(d.plays()).isEqualTo(3);
            assertThat(d.comment()).isEqualTo("good");
        });
    }

    @Test
    void an_empty_date_is_the_unknown_date_and_the_history_groups_it() {
        browser.submit("/episodes/" + episodeId, "/episodes/" + episodeId + "/dates", Map.of("watchedAt", "", "plays", "1"));
        assertThat(episodePage()).contains("date unknown");
        String history = browser.get("/history/episodes").body();
        assertThat(history).contains("The Expanse").contains("S02E03").contains("date unknown").contains("2 watch dates<");
    }

    @Test
    void unknown_shows_and_episodes_are_404_and_other_users_dates_stay_out_of_sight() {
        assertThat(browser.get("/shows/999999").statusCode()).isEqualTo(404);
        assertThat(browser.get("/episodes/999999").statusCode()).isEqualTo(404);
        assertThat(browser.get("/episodes/abc").statusCode()).isEqualTo(400);
        long carol = app.app.users.accounts().create("carol@example.org", "password1", "carol", false).id();
        WebClient carolsBrowser = app.client();
        carolsBrowser.logIn("carol", "password1");
        assertThat(carolsBrowser.get("/episodes/" + episodeId).body()).contains("You have no watch dates of this episode.");
        assertThat(carolsBrowser.get("/history/episodes").body()).contains("No episodes yet");
        assertThat(carol).isNotEqualTo(alice);
    }
}
