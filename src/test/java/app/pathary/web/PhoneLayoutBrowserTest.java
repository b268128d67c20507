package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page an admin and a user can reach, on a 390 px phone: the test follows every link Pathary's pages show (the
 * menu included), from the home page on, and fails for a page that scrolls sideways
 * ({@code document.documentElement.scrollWidth > clientWidth}) or shows a form field without a label. The data is
 * the awkward kind: long titles, long paths, a plan, a report, jobs, several users.
 */
@BothDialects
class PhoneLayoutBrowserTest {
    private static final String LONG_TITLE = "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb, Extended Edition";
    private static final int MOST_PAGES = 60;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private TestApp app;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) throws InterruptedException {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        FakeItem strangelove = jellyfin.addMovie(LONG_TITLE, 1964).tmdb("935")
                .path("/media/movies/" + LONG_TITLE + " (1964)/" + LONG_TITLE.replace(' ', '.') + ".2160p.remux.mkv");
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat (1995)/Heat.mkv");
        jellyfin.setUserData(alice, strangelove, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        radarr.addMovie(LONG_TITLE, 1964, 935, "/movies/" + LONG_TITLE + " (1964)")
                .file("/movies/" + LONG_TITLE + " (1964)/" + LONG_TITLE.replace(' ', '.') + ".2160p.remux.mkv", 61_000_000_000L);
        radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7_000_000_000L);
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(),
                "JELLYFIN_API_KEY", jellyfin.addApiKey(), "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(),
                "RADARR_API_KEY", radarr.apiKey(), "RADARR_PATH_MAP", "/media/movies:/movies", "CLEANUP_MAX_DELETE_PERCENT", "100"));
        WebClient admin = app.client();
        admin.setUpAdmin("root", "root@example.org", "password1");
        admin.submit("/admin/users", "/admin/users", Map.of("email", "bob.with.a.rather.long.address@example.org", "password",
                "password1", "name", "bob"));
        admin.submit("/add", "/add", Map.of("title", LONG_TITLE, "tmdbId", "935", "watchedAt", "2024-03-09",
                "comment", "Seen at the cinema with the whole family, then again at home the week after, twice"));
        admin.submit("/add", "/add", Map.of("title", "Heat", "tmdbId", "949", "watchedAt", "2024-03-10"));
        WebClient bob = app.client();
        bob.logIn("bob", "password1");
        bob.submit("/add", "/add", Map.of("title", LONG_TITLE, "tmdbId", "935", "watchedAt", "2024-04-01"));
        admin.submit("/admin/cleanup/watched", "/admin/cleanup/watched/refresh", Map.of());
        admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
        for (int i = 0; i < 400 && app.app.jobs.repository().list(null, null, null, 10).stream().anyMatch(j -> !j.finished()); i++) {
            Thread.sleep(25);
        }
        browser = Browser.start(app.baseUrl());
        browser.phone();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
        jellyfin.close();
        radarr.close();
    }

    @Test
    void no_page_an_admin_or_a_user_can_reach_scrolls_sideways_on_a_phone() {
        logIn("root");
        Set<String> adminPages = crawl();
        assertThat(adminPages).as("the admin reached every part").contains("/history", "/add", "/account", "/settings/integrations/jellyfin",
                "/admin/users", "/admin/jobs", "/admin/cleanup", "/admin/cleanup/watched", "/settings/server/cleanup")
                .anyMatch(page -> page.startsWith("/movies/"));
        browser.open("/history");
        browser.click("nav .navbar-toggler");
        browser.waitUntil("the menu opened", () -> browser.shows("nav button[type=submit]"));
        browser.click("nav button[type=submit]");
        browser.waitForPath("/login");

        logIn("bob");
        Set<String> userPages = crawl();
        assertThat(userPages).as("the user reached their part").contains("/history", "/add", "/account", "/settings/integrations/jellyfin")
                .anyMatch(page -> page.startsWith("/movies/")).noneMatch(page -> page.startsWith("/admin/"));
    }

    private void logIn(String name) {
        browser.open("/login");
        browser.type("#login", name);
        browser.type("#password", "password1");
        browser.click("#log-in");
        browser.waitUntil(name + " is logged in", () -> !browser.currentPath().equals("/login"));
    }

    /** Opens every page reachable by links from the home page and checks each; returns the pages opened. */
    private Set<String> crawl() {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("/"));
        List<String> problems = new ArrayList<>();
        while (!next.isEmpty() && seen.size() < MOST_PAGES) {
            String page = next.removeFirst();
            if (!seen.add(page)) {
                continue;
            }
            browser.open(page);
            browser.waitUntil(page + " loaded", () -> "complete".equals(browser.script("return document.readyState")));
            // Parts that htmx loads after the page (hx-trigger=load) are part of what a person sees (the API docs have no htmx).
            browser.waitUntil(page + " settled", () -> Boolean.TRUE.equals(browser.script(
                    "return document.querySelectorAll('.htmx-request').length === 0")));
            int overflow = browser.horizontalOverflow();
            if (overflow > 0) {
                browser.screenshot("overflow" + page.replaceAll("[^A-Za-z0-9]+", "-"));
                problems.add(page + " scrolls " + overflow + " px sideways: " + browser.script("""
                        const w = document.documentElement.clientWidth;
                        return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)
                            .slice(-3).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ');"""));
            }
            List<String> unlabelled = browser.unlabelledFields();
            if (!unlabelled.isEmpty()) {
                problems.add(page + " has fields without a label: " + unlabelled);
            }
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) browser.script("""
                    return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)
                        .filter(h => h.startsWith(location.origin + '/')).map(h => h.substring(location.origin.length).split('#')[0]);""");
            links.stream().filter(PhoneLayoutBrowserTest::isPage).filter(l -> !seen.contains(l)).forEach(next::addLast);
        }
        assertThat(problems).as("pages that do not fit a 390 px phone").isEmpty();
        return seen;
    }

    private static boolean isPage(String link) {
        return !link.isEmpty() && !link.startsWith("/api/") && !link.startsWith("/static/") && !link.startsWith("/webjars/")
                && !link.startsWith("/metrics") && !link.startsWith("/health") && !link.startsWith("/openapi")
                && !link.endsWith(".csv") && !link.endsWith(".yaml") && !link.endsWith(".json");
    }
}
