package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.EpisodeCommand.AddPlays;
import app.pathary.history.HistoryChange.Source;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The episode history, a show's page and an episode's dates, in a real browser at desktop and phone width. */
@BothDialects
class EpisodeBrowserTest {
    private static final String PASSWORD = "correct horse";
    private static final NewShow EXPANSE = new NewShow(new ShowIds(280619, null, null), "The Expanse", 2015);
    private static final LocalDate DAY = LocalDate.of(2025, 11, 2);
    private TestApp server;
    private Browser browser;
    private long bob;

    @BeforeEach
    void start(Dialect dialect) {
        server = TestApp.start(TestDatabases.fresh(dialect));
        server.client().setUpAdmin("bob", "bob@example.org", PASSWORD);
        bob = server.app.users.accounts().byName("bob").id();
        for (int number = 3; number <= 5; number++) {
            watch(EXPANSE, 2, number, DAY, Source.WEBHOOK);
        }
        watch(EXPANSE, 2, 6, DAY.plusDays(1), Source.CATCHUP);
        // an episode someone else saw is known, so the season shows 4 of 5 watched
        long carol = server.app.users.accounts().create("carol@example.org", "password1", "carol", false).id();
        server.app.history.episodes().apply(carol, new AddPlays(new EpisodeRef.CreateIfMissing(EXPANSE, new NewEpisode(2, 7, null,
                "A Very Long Episode Title That Has To Wrap On A Narrow Phone Screen Instead Of Widening The Page")), DAY, 1, null), Source.API);
        browser = Browser.start(server.baseUrl());
    }

    private void watch(NewShow show, int season, int number, LocalDate date, Source source) {
        server.app.history.episodes().apply(bob, new AddPlays(new EpisodeRef.CreateIfMissing(show, new NewEpisode(season, number, null,
                "Episode " + number)), date, 1, null), source);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    private void logIn() {
        browser.open("/login");
        browser.type("#login", "bob");
        browser.type("#password", PASSWORD);
        browser.click("#log-in");
        browser.waitForPath("/");
    }

    private List<String> groups() {
        return browser.findAll(".episode-group").stream()
                .map(g -> g.findElement(By.className("show-title")).getText() + " " + g.findElement(By.className("episode-label")).getText())
                .toList();
    }

    @Test
    void the_episode_history_groups_a_shows_episodes_per_day_and_leads_to_the_show_and_its_progress() {
        logIn();
        browser.menu("History", "Episode history");
        browser.waitForPath("/history/episodes");
        assertThat(groups()).containsExactly("The Expanse S02E06", "The Expanse S02E03–E05");
        assertThat(browser.find(".episode-group").getText()).contains("2025-11-03", "from catch-up");

        browser.click(".episode-group .show-title");
        browser.waitUntil("the show page", () -> browser.currentPath().matches("/shows/\\d+"));
        assertThat(browser.find(".season-count").getText()).isEqualTo("4 / 5 watched");
        assertThat(browser.find("#season-progress progress").getAttribute("value")).isEqualTo("4");
        assertThat(browser.horizontalOverflow()).isZero();

        browser.phone();
        browser.open("/history/episodes");
        assertThat(groups()).hasSize(2);
        assertThat(browser.horizontalOverflow()).as("episode groups are cards at 390 px").isZero();
        browser.find(".episode-group .show-title").click();
        browser.waitUntil("the show page", () -> browser.currentPath().matches("/shows/\\d+"));
        assertThat(browser.horizontalOverflow()).as("the show page at 390 px").isZero();
        assertThat(browser.unlabelledFields()).isEmpty();
    }

    @Test
    void an_episode_date_is_edited_moved_and_deleted_like_a_movie_date_and_the_show_page_marks_one_watched() {
        logIn();
        browser.open("/history/episodes");
        browser.findAll(".episode-links a").stream().filter(a -> a.getText().startsWith("S02E04")).findFirst().orElseThrow().click();
        browser.waitUntil("the episode page", () -> browser.currentPath().matches("/episodes/\\d+"));
        WebElement row = browser.find(".watch-date");
        WebElement plays = row.findElement(By.name("plays"));
        plays.clear();
        plays.sendKeys("2");
        row.findElement(By.xpath(".//button[normalize-space()='Save']")).click();
        assertThat(browser.waitForText("#flash", "The watch date was saved.")).isEqualTo("The watch date was saved.");
        assertThat(browser.find(".watch-date input[name=plays]").getAttribute("value")).isEqualTo("2");

        browser.find(".watch-date").findElement(By.xpath(".//button[normalize-space()='Delete']")).click();
        assertThat(browser.answerConfirm(true)).isEqualTo("Delete the watch of 2025-11-02?");
        assertThat(browser.waitForText("#flash", "The watch date was deleted.")).isEqualTo("The watch date was deleted.");
        assertThat(browser.find("#dates").getText()).contains("You have no watch dates of this episode.");

        browser.click("#back-to-show");
        browser.waitUntil("the show page", () -> browser.currentPath().matches("/shows/\\d+"));
        assertThat(browser.find(".season-count").getText()).isEqualTo("3 / 5 watched");
        WebElement unseen = browser.findAll(".episode-row").stream().filter(r -> r.getText().contains("S02E07")).findFirst().orElseThrow();
        unseen.findElement(By.className("mark-today")).click();
        assertThat(browser.waitForText("#flash", "The watch was added.")).isEqualTo("The watch was added.");
        assertThat(browser.find(".season-count").getText()).isEqualTo("4 / 5 watched");
    }
}
