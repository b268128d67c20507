package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.radarr.HttpRadarrClient;
import app.pathary.arr.sonarr.HttpSonarrClient;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.instances.PathMapping;
import app.pathary.cleanup.plan.ArrSnapshot;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.CleanupPlanner;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Strategy;
import app.pathary.watched.WatchedReport;
import app.pathary.watched.WatchedSettings;
import app.pathary.watched.WatchedSweep;
import app.pathary.watched.WatchedVerdicts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the sweep, the watched report and the cleanup plan of a generated library (movies with and without TMDb
 * ids, twins sharing one, movies missing from Radarr, keep tags, series with specials, multi-episode files, missing
 * episodes, plays with and without dates and with 7-digit fractions, favourites of items, seasons and series) are
 * exactly what the code before the issue produced, for every strategy. The golden files under
 * {@code src/test/resources/golden/} were written by that code ({@code -Dgolden.write=true} rewrites them; only do so
 * when a change of verdict is intended). Jellyfin's ids are random, so items are named by their path.
 */
class SweepPlanGoldenTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static FakeJellyfin jellyfin;
    private static FakeRadarr radarr;
    private static FakeSonarr sonarr;
    private static String apiKey;
    private static final Map<String, String> LABELS = new HashMap<>();

    @BeforeAll
    static void library() {
        jellyfin = FakeJellyfin.start();
        radarr = FakeRadarr.start();
        sonarr = FakeSonarr.start();
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));
        apiKey = jellyfin.addApiKey();
        List<FakeUser> users = List.of(jellyfin.addAdmin("alice", "pw"), jellyfin.addUser("bob", "pw"),
                jellyfin.addUser("carol", "pw"), jellyfin.addUser("dave", "pw"));
        Random random = new Random(15);
        int radarrKeep = radarr.addTag("keep");
        int sonarrKeep = sonarr.addTag("keep");
        List<FakeItem> items = new ArrayList<>();
        List<FakeItem> folders = new ArrayList<>();
        for (int m = 0; m < 160; m++) {
            String folder = "Movie " + m + " (" + (1990 + m % 30) + ")";
            FakeItem movie = jellyfin.addMovie((m % 7 == 0 ? "The " : "") + "Movie " + m, 1990 + m % 30)
                    .path("/media/movies/" + folder + "/movie.mkv");
            int tmdb = m % 23 == 5 ? 20_000 + m - 1 : 20_000 + m; // a few twins share the TMDb id of the one before
            if (m % 17 != 3) {
                movie.tmdb(Integer.toString(tmdb));
            }
            label(movie, movie.path());
            items.add(movie);
            if (m % 13 != 4) {
                var arr = radarr.addMovie("Movie " + m, 1990 + m % 30, tmdb, "/movies/" + folder);
                if (m % 11 != 2) {
                    arr.file("/movies/" + folder + "/movie.mkv", 1_000_000_000L + m);
                }
                if (m % 19 == 7) {
                    arr.tags(radarrKeep);
                }
            }
        }
        for (int s = 0; s < 14; s++) {
            String name = "Series " + s;
            FakeItem series = jellyfin.addSeries(name, 2000 + s).path("/media/tv/" + name);
            if (s % 6 != 5) {
                series.tvdb(Integer.toString(80_000 + s));
            }
            label(series, series.path());
            folders.add(series);
            var arrSeries = sonarr.addSeries(name, 80_000 + s, 90_000 + s, "/tv/" + name, s % 3 == 0 ? "continuing" : "ended");
            if (s % 5 == 4) {
                arrSeries.tags(sonarrKeep);
            }
            int seasons = 1 + s % 4;
            for (int season = s % 4 == 1 ? 0 : 1; season <= seasons; season++) {
                int episodes = 1 + (s + season) % 7;
                for (int e = 1; e <= episodes; e++) {
                    String file = name + "/Season " + season + "/S" + season + "E" + e + ".mkv";
                    FakeItem episode = jellyfin.addEpisode(series, season, e, "Episode " + e);
                    var arrEpisode = sonarr.addEpisode(arrSeries, season, e, Instant.parse("2024-01-01T00:00:00Z"));
                    if ((s + e) % 9 == 8) {
                        episode.virtual();
                        label(episode, name + " missing S" + season + "E" + e);
                    } else if (e == 2 && s % 4 == 2 && e < episodes) {
                        episode.indexNumberEnd(3).path("/media/tv/" + file);
                        var third = sonarr.addEpisode(arrSeries, season, 3, Instant.parse("2024-01-01T00:00:00Z"));
                        sonarr.addEpisodeFile(arrSeries, season, "/tv/" + file, 500_000_000L, arrEpisode, third);
                        label(episode, episode.path());
                        e++;
                    } else {
                        episode.path("/media/tv/" + file);
                        sonarr.addEpisodeFile(arrSeries, season, "/tv/" + file, 700_000_000L + e, arrEpisode);
                        label(episode, episode.path());
                    }
                    items.add(episode);
                }
                FakeItem seasonItem = jellyfin.item(items.getLast().parentId());
                label(seasonItem, name + " season " + season);
                folders.add(seasonItem);
            }
        }
        for (FakeUser user : users) {
            for (FakeItem item : items) {
                int roll = random.nextInt(100);
                boolean favourite = random.nextInt(100) < 4;
                FakeUserData data;
                if (roll < 55) {
                    Instant played = NOW.minus(Duration.ofDays(random.nextInt(25))).minusSeconds(random.nextInt(86_400))
                            .plusNanos(100L * random.nextInt(10_000_000));
                    data = FakeUserData.playedOn(played, 1 + random.nextInt(3));
                } else if (roll < 60) {
                    data = new FakeUserData(true, 1, null, false, 0);
                } else if (roll < 65) {
                    data = new FakeUserData(false, 2, NOW.minus(Duration.ofDays(random.nextInt(40))), false, 0);
                } else {
                    data = FakeUserData.NONE;
                }
                if (favourite || data != FakeUserData.NONE) {
                    jellyfin.setUserData(user, item, data.withFavorite(favourite));
                }
            }
            for (FakeItem folder : folders) {
                if (random.nextInt(100) < 6) {
                    jellyfin.setUserData(user, folder, FakeUserData.NONE.withFavorite(true));
                }
            }
        }
    }

    private static void label(FakeItem item, String label) {
        LABELS.put(item.id(), label);
    }

    @AfterAll
    static void close() {
        jellyfin.close();
        radarr.close();
        sonarr.close();
    }

    @Test
    void primaryWithFavouritesOfEveryone() throws IOException {
        matchesGolden("primary-alice", new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.PRIMARY, "alice", List.of(), 5, 5, true, Set.of()));
    }

    @Test
    void primaryWithoutFavourites() throws IOException {
        matchesGolden("primary-bob-nofav", new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.PRIMARY, "bob", List.of("bob", "carol"), 0, 10, false, Set.of()));
    }

    @Test
    void anyOfTwoUsers() throws IOException {
        matchesGolden("any-alice-bob", new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.ANY, null, List.of("alice", "bob"), 3, 10, true, Set.of()));
    }

    @Test
    void anyOfEveryoneWithoutFavourites() throws IOException {
        matchesGolden("any-all-nofav", new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.ANY, null, List.of(), 5, 5, false, Set.of()));
    }

    @Test
    void allOfEveryone() throws IOException {
        matchesGolden("all", new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.ALL, null, List.of(), 0, 0, true, Set.of()));
    }

    private static void matchesGolden(String name, WatchedSettings settings) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        var sweep = new WatchedSweep(new HttpJellyfinClient(http, new ClientIdentity("Pathary", "test", "golden", "1"),
                Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC));
        var swept = sweep.sweep(settings, ZoneId.of("Europe/Berlin"));
        WatchedReport report = WatchedVerdicts.plan(swept.snapshot(), swept.policy(), TODAY, NOW);
        List<ArrInstanceConfig> instances = List.of(
                new ArrInstanceConfig(null, ArrKind.RADARR, "radarr", radarr.baseUrl(), radarr.apiKey(), PathMapping.parse("/media/movies:/movies", "map"), "keep", "test"),
                new ArrInstanceConfig(null, ArrKind.SONARR, "sonarr", sonarr.baseUrl(), sonarr.apiKey(), PathMapping.parse("/media/tv:/tv", "map"), "keep", "test"));
        ArrSnapshot arr = new ArrReader(new HttpRadarrClient(http, Duration.ofSeconds(30)), new HttpSonarrClient(http, Duration.ofSeconds(30)))
                .read(instances, report);
        CleanupPlan plan = CleanupPlanner.plan(report, arr, Set.of(),
                new CleanupActions(CleanupActions.MovieAction.DELETE_MOVIE, false, true, false), NOW);
        String text = render(report, plan);
        Path golden = Path.of("src/test/resources/golden/sweep-plan-" + name + ".txt");
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static String render(WatchedReport report, CleanupPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("report: ").append(report.policy()).append('\n');
        report.entries().forEach(entry -> render(out, entry, ""));
        out.append("plan: ").append(plan.watchedPolicy()).append('\n');
        plan.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        plan.stops().forEach(s -> out.append("stop: ").append(s).append('\n'));
        out.append("bytes: ").append(plan.bytesByInstance()).append('\n');
        for (PlanEntry entry : plan.entries()) {
            out.append(entry.action()).append(" | ").append(entry.instance()).append(" | ").append(entry.arrId())
                    .append(" | ").append(entry.jellyfinIds().stream().map(SweepPlanGoldenTest::label).collect(Collectors.joining(", ")))
                    .append(" | ").append(entry.title()).append(" | ").append(entry.path()).append(" | ").append(entry.bytes())
                    .append(" | ").append(entry.reasons()).append(" | ").append(entry.movieAction()).append(" | ").append(entry.movieFileId())
                    .append(" | ").append(entry.episodeFileIds()).append(" | ").append(entry.episodeIds()).append(" | ")
                    .append(entry.deleteSeries()).append('\n');
        }
        return out.toString();
    }

    private static void render(StringBuilder out, ReportEntry entry, String indent) {
        out.append(indent).append(entry.kind()).append(" | ").append(label(entry.jellyfinId())).append(" | ").append(entry.name())
                .append(" | ").append(entry.series()).append(" | ").append(entry.season()).append(" | ").append(entry.episode())
                .append(" | ").append(entry.episodeNumber()).append('-').append(entry.episodeEnd()).append(" | ").append(entry.path())
                .append(" | ").append(entry.tmdbId()).append(" | ").append(entry.tvdbId()).append(" | ").append(entry.verdict())
                .append(" | ").append(entry.reasons()).append(" | ").append(entry.lastPlayed()).append(" | ").append(entry.eligibleOn())
                .append('\n');
        entry.episodes().forEach(episode -> render(out, episode, indent + "  "));
    }

    private static String label(String jellyfinId) {
        return jellyfinId == null ? "-" : LABELS.getOrDefault(jellyfinId, "?" + jellyfinId.length());
    }
}
