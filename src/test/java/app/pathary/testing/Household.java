package app.pathary.testing;

import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.job.JobContext;
import app.pathary.movie.NewMovie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A household as the posters, dashboard and screenshots see it: a Jellyfin with two dozen films (posters, running
 * times, files), a Radarr that holds them, Pathary with the admin's Jellyfin (JELLYFIN_URL and an API key) and
 * Radarr configured, and "alice", an admin whose Jellyfin login imported her library and who watched films on some
 * forty days of the last two years (the same days every run: the draw has a fixed seed).
 */
public final class Household implements AutoCloseable {
    public static final String PASSWORD = "correct horse";
    /** Title, year, TMDb id, minutes. */
    private static final Object[][] FILMS = {
        {"Arrival", 2016, 329865, 116}, {"Blade Runner", 1982, 78, 117}, {"Heat", 1995, 949, 170}, {"Alien", 1979, 348, 117},
        {"The Matrix", 1999, 603, 136}, {"Spirited Away", 2001, 129, 125}, {"Paddington 2", 2017, 346648, 104},
        {"Parasite", 2019, 496243, 132}, {"Mad Max: Fury Road", 2015, 76341, 120}, {"The Thing", 1982, 1091, 109},
        {"Amélie", 2001, 194, 122}, {"Inception", 2010, 27205, 148}, {"Whiplash", 2014, 244786, 107}, {"Up", 2009, 14160, 96},
        {"Ratatouille", 2007, 2062, 111}, {"Heat Wave", 2020, 999001, 95}, {"Jaws", 1975, 578, 124}, {"Moon", 2009, 17431, 97},
        {"Her", 2013, 152601, 126}, {"Coco", 2017, 354912, 105}, {"Gravity", 2013, 49047, 91}, {"Rango", 2011, 44896, 107},
        {"Drive", 2011, 64690, 100}, {"Prisoners", 2013, 146233, 153}};
    public final FakeJellyfin jellyfin = FakeJellyfin.start();
    public final FakeRadarr radarr = FakeRadarr.start();
    public final TestApp app;
    public final long aliceId;
    public final Map<String, FakeItem> items = new HashMap<>();
    public final List<String> titles = new ArrayList<>();

    public Household(Dialect dialect) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        FakeUser alice = jellyfin.addAdmin("alice", "jf-password");
        for (Object[] film : FILMS) {
            String title = (String) film[0];
            String folder = "/media/movies/" + title + " (" + film[1] + ")";
            FakeItem item = jellyfin.addMovie(title, (Integer) film[1]).tmdb(String.valueOf(film[2]))
                    .runtime(Duration.ofMinutes((Integer) film[3])).path(folder + "/" + title + ".mkv")
                    .dateCreated(Instant.now().minus(Duration.ofDays(800)));
            items.put(title, item);
            titles.add(title);
            radarr.addMovie(title, (Integer) film[1], (Integer) film[2], "/movies/" + title + " (" + film[1] + ")")
                    .file("/movies/" + title + " (" + film[1] + ")/" + title + ".mkv", 2_000_000_000L + 150_000_000L * titles.size());
        }
        for (String title : List.of("Heat", "Alien", "The Thing", "Jaws", "Moon", "Gravity")) {
            jellyfin.setUserData(alice, items.get(title), FakeUserData.playedOn(Instant.now().minus(Duration.ofDays(60)), 1));
        }
        Map<String, String> env = new HashMap<>(Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey(),
                "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(), "RADARR_API_KEY", radarr.apiKey(),
                "RADARR_PATH_MAP", "/media/movies:/movies", "CLEANUP_MAX_DELETE_PERCENT", "100"));
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), env);
        aliceId = app.app.users.accounts().create("alice@example.org", PASSWORD, "alice", true).id();
        Random draw = new Random(13);
        for (int i = 0; i < 42; i++) {
            Object[] film = FILMS[Math.min(FILMS.length - 1, (int) Math.abs(draw.nextGaussian() * 7))];
            LocalDate day = today.minusDays(draw.nextInt(i < 12 ? 60 : 720));
            app.app.history.history().apply(aliceId, new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(new NewMovie((Integer) film[2],
                    null, (String) film[0], (Integer) film[1], null)), day, 1 + (draw.nextInt(6) == 0 ? 1 : 0),
                    draw.nextInt(5) == 0 ? "with the family" : null), Source.PAGE);
        }
        app.app.jellyfinLink.login().saveServerUrl(aliceId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(aliceId, "alice", "jf-password");
        try {
            app.app.jellyfinSync.importNow(aliceId, JobContext.NONE);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the household's Jellyfin import failed", e);
        }
    }

    /** A browser logged in as alice (she lands on the dashboard). */
    public Browser browser() {
        Browser browser = Browser.start(app.baseUrl());
        browser.open("/login");
        browser.type("#login", "alice");
        browser.type("#password", PASSWORD);
        browser.click("#log-in");
        browser.waitForPath("/");
        return browser;
    }

    @Override
    public void close() {
        app.close();
        jellyfin.close();
        radarr.close();
    }
}
