package app.pathary.bench;

import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark library: {@code movies} movies and {@code episodes} episodes (10 per season, 5 seasons per series) in a
 * fake Jellyfin with 5 users who each played 40% of the items (1% favourites), and optionally the same library in a fake
 * Radarr and Sonarr under mapped paths (/media/movies → /movies, /media/tv → /tv). Seeded, so every run is the same.
 */
final class BenchLibrary {
    static final Instant PLAYED_BEFORE = Instant.parse("2026-01-01T20:00:00Z");
    final List<FakeUser> users = new ArrayList<>();
    final String apiKey;

    BenchLibrary(FakeJellyfin jellyfin, FakeRadarr radarr, FakeSonarr sonarr, int movies, int episodes) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
        apiKey = jellyfin.addApiKey();
        for (int u = 0; u < 5; u++) {
            users.add(u == 0 ? jellyfin.addAdmin("user" + u, "pw") : jellyfin.addUser("user" + u, "pw"));
        }
        List<FakeItem> items = new ArrayList<>();
        for (int m = 0; m < movies; m++) {
            String folder = "Movie " + m + " (" + (1950 + m % 75) + ")";
            items.add(jellyfin.addMovie("Movie " + m, 1950 + m % 75).tmdb(Integer.toString(10_000 + m)).path("/media/movies/" + folder + "/movie.mkv"));
            if (radarr != null) {
                radarr.addMovie("Movie " + m, 1950 + m % 75, 10_000 + m, "/movies/" + folder).file("/movies/" + folder + "/movie.mkv", 4_000_000_000L);
            }
        }
        for (int s = 0; items.size() < movies + episodes; s++) {
            String name = "Series " + s;
            FakeItem series = jellyfin.addSeries(name, 2000 + s % 25).tvdb(Integer.toString(70_000 + s)).path("/media/tv/" + name);
            var arrSeries = sonarr == null ? null : sonarr.addSeries(name, 70_000 + s, 90_000 + s, "/tv/" + name, s % 3 == 0 ? "continuing" : "ended");
            for (int season = 1; season <= 5 && items.size() < movies + episodes; season++) {
                for (int e = 1; e <= 10 && items.size() < movies + episodes; e++) {
                    String file = name + "/Season " + season + "/S" + season + "E" + e + ".mkv";
                    items.add(jellyfin.addEpisode(series, season, e, "Episode " + e).path("/media/tv/" + file));
                    if (sonarr != null) {
                        var episode = sonarr.addEpisode(arrSeries, season, e, Instant.parse("2023-01-01T00:00:00Z"));
                        sonarr.addEpisodeFile(arrSeries, season, "/tv/" + file, 1_000_000_000L, episode);
                    }
                }
            }
        }
        Random random = new Random(42);
        for (FakeUser user : users) {
            for (FakeItem item : items) {
                if (random.nextInt(100) < 40) {
                    jellyfin.setUserData(user, item, FakeUserData.playedOn(PLAYED_BEFORE.minus(Duration.ofDays(random.nextInt(60))), 1)
                            .withFavorite(random.nextInt(100) == 0));
                }
            }
        }
    }
}
