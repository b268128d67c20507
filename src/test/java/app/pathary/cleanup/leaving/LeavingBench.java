package app.pathary.cleanup.leaving;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.db.Dialect;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A household for the leaving-soon pages: a fake Jellyfin where alice watched Heat and Alien, a fake Radarr holding both,
 * and a Pathary (CLEANUP_LEAVING_SOON_DAYS=7) with the admin root and the user alice, each logged in.
 */
final class LeavingBench implements AutoCloseable {
    static final String PASSWORD = "password1";
    final FakeJellyfin jellyfin = FakeJellyfin.start();
    final FakeRadarr radarr = FakeRadarr.start();
    final TestApp app;
    final FakeUser jellyfinAlice;
    final FakeItem heat;

    LeavingBench(Dialect dialect, Map<String, String> extra) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        jellyfinAlice = jellyfin.addAdmin("alice", "pw");
        heat = jellyfin.addMovie("Heat", 1995).tmdb("949").imdb("tt0113277").path("/media/movies/Heat (1995)/Heat.mkv");
        FakeItem alien = jellyfin.addMovie("Alien", 1979).tmdb("348").imdb("tt0078748").path("/media/movies/Alien (1979)/Alien.mkv");
        jellyfin.setUserData(jellyfinAlice, heat, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        jellyfin.setUserData(jellyfinAlice, alien, FakeUserData.playedOn(Instant.parse("2026-01-04T20:00:00Z"), 1));
        radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7_000_000_000L);
        radarr.addMovie("Alien", 1979, 348, "/movies/Alien (1979)").file("/movies/Alien (1979)/Alien.mkv", 5_000_000_000L);
        Map<String, String> env = new HashMap<>(Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey(),
                "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(), "RADARR_API_KEY", radarr.apiKey(),
                "RADARR_PATH_MAP", "/media/movies:/movies", "CLEANUP_MAX_DELETE_PERCENT", "100", "CLEANUP_LEAVING_SOON_DAYS", "7"));
        env.putAll(extra);
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), env);
        app.app.users.accounts().create("root@example.org", PASSWORD, "root", true);
        app.app.users.accounts().create("alice@example.org", PASSWORD, "alice", false);
    }

    WebClient logIn(String name) {
        WebClient client = app.client();
        client.logIn(name, PASSWORD);
        return client;
    }

    CleanupPlan plan() {
        return app.app.cleanup.runs().makePlan(today());
    }

    LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        app.close();
        jellyfin.close();
        radarr.close();
    }
}
