package app.pathary.watched;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.jellyfin.client.ClientIdentity;
import app.pathary.jellyfin.client.HttpJellyfinClient;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRequest;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a sweep reads every item once, without user data, and per counted user only what their verdict needs.
 * With pages of p = 500 items, the requests to Jellyfin are exactly
 *
 * <pre>
 *   1 (users) + pages(series) + pages(movies and episodes)
 *   + sum over deciders d of pages(items d played)
 *   + (favourites keep items ? sum over swept users u of pages(u's favourite movies, episodes, seasons, series) : 0)
 * </pre>
 *
 * where pages(n) = max(1, ceil(n / p)) and the swept users are the deciders plus the other counted users whose
 * favourites keep items. The deciders are the primary user for {@code primary} and every counted user otherwise.
 */
class WatchedSweepRequestsTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final String apiKey = jellyfin.addApiKey();
    private final WatchedSweep sweep = new WatchedSweep(new HttpJellyfinClient(HttpClient.newHttpClient(),
            new ClientIdentity("Pathary", "test", "requests", "1"), Duration.ofSeconds(30)), Clock.systemUTC());
    private final List<FakeUser> users = new ArrayList<>();
    private final List<FakeItem> items = new ArrayList<>();
    private final List<FakeItem> folders = new ArrayList<>();

    @BeforeEach
    void library() {
        users.add(jellyfin.addAdmin("alice", "pw"));
        users.add(jellyfin.addUser("bob", "pw"));
        users.add(jellyfin.addUser("carol", "pw"));
        for (int m = 0; m < 1_130; m++) {
            items.add(jellyfin.addMovie("Movie " + m, 2000 + m % 20).tmdb(Integer.toString(100 + m)).path("/m/" + m + ".mkv"));
        }
        for (int s = 0; s < 12; s++) {
            FakeItem series = jellyfin.addSeries("Series " + s, 2010).tvdb(Integer.toString(700 + s)).path("/tv/" + s);
            folders.add(series);
            for (int e = 1; e <= 40; e++) {
                FakeItem episode = jellyfin.addEpisode(series, 1 + e / 20, e, "Episode " + e);
                items.add(e == 40 ? episode.virtual() : episode.path("/tv/" + s + "/" + e + ".mkv"));
            }
        }
        Instant played = Instant.parse("2026-01-01T10:00:00.1234567Z");
        for (int i = 0; i < items.size(); i++) {
            // alice played 620 items (2 pages), bob 3 (1 page), carol nothing (an empty page still costs 1 request)
            if (i % 2 == 0 && i / 2 < 620) {
                jellyfin.setUserData(users.get(0), items.get(i), FakeUserData.playedOn(played, 1).withFavorite(i % 90 == 0));
            }
            if (i < 3) {
                jellyfin.setUserData(users.get(1), items.get(i), FakeUserData.playedOn(played, 2));
            }
            if (i % 400 == 7) {
                jellyfin.setUserData(users.get(2), items.get(i), FakeUserData.NONE.withFavorite(true));
            }
        }
        jellyfin.setUserData(users.get(1), folders.get(3), FakeUserData.NONE.withFavorite(true));
        jellyfin.clearRequests();
    }

    @AfterEach
    void close() {
        jellyfin.close();
    }

    @Test
    void primary_reads_all_items_once_the_primary_users_plays_and_everyones_favourites() {
        var settings = new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.PRIMARY, "alice", List.of(), 5, 5, true, Set.of());
        LibrarySnapshot snapshot = sweep.sweep(settings, ZoneId.of("UTC")).snapshot();

        // 1 + pages(12 series) + pages(1,130 + 480 items) + pages(620 played by alice)
        //   + pages(favourites: alice 14, bob 1, carol 4) = 1 + 1 + 4 + 2 + 3
        assertThat(jellyfin.requests()).hasSize(1 + 1 + 4 + 2 + 3);
        assertThat(itemQueries()).containsExactly(
                "Series/-/-/-", "Movie,Episode/-/-/-", "Movie,Episode/-/-/-", "Movie,Episode/-/-/-", "Movie,Episode/-/-/-",
                "Movie,Episode/alice/true/-", "Movie,Episode/alice/true/-",
                "Movie,Episode,Series,Season/alice/-/true", "Movie,Episode,Series,Season/bob/-/true",
                "Movie,Episode,Series,Season/carol/-/true");
        assertThat(snapshot.itemCount()).isEqualTo(1_130 + 12 * 39);
        assertThat(snapshot.play("alice", items.get(2).id())).isEqualTo(new UserPlay(true, Instant.parse("2026-01-01T10:00:00.1234567Z"), false));
        assertThat(snapshot.play("alice", items.get(0).id())).isEqualTo(new UserPlay(true, Instant.parse("2026-01-01T10:00:00.1234567Z"), true));
        assertThat(snapshot.play("carol", items.get(7).id())).isEqualTo(new UserPlay(false, null, true));
        assertThat(snapshot.favoriteFolder("bob", folders.get(3).id())).isTrue();
    }

    @Test
    void any_reads_each_counted_users_plays_and_without_favourites_no_favourites() {
        var settings = new WatchedSettings(jellyfin.baseUrl(), apiKey, Strategy.ANY, null, List.of("alice", "bob", "carol"), 5, 5, false, Set.of());
        sweep.sweep(settings, ZoneId.of("UTC"));

        // 1 + pages(series) + pages(items) + pages(alice 620) + pages(bob 3) + pages(carol 0) = 1 + 1 + 4 + 2 + 1 + 1
        assertThat(jellyfin.requests()).hasSize(10);
        assertThat(itemQueries()).filteredOn(q -> q.contains("/true")).containsExactly(
                "Movie,Episode/alice/true/-", "Movie,Episode/alice/true/-", "Movie,Episode/bob/true/-", "Movie,Episode/carol/true/-");
    }

    /** Each /Items request as "types/user/isPlayed/isFavorite", in order. */
    private List<String> itemQueries() {
        Map<String, String> names = users.stream().collect(Collectors.toMap(FakeUser::id, FakeUser::name));
        return jellyfin.requests().stream().filter(r -> r.path().equals("/Items")).map(r -> {
            Map<String, String> query = query(r);
            return query.getOrDefault("includeItemTypes", "-") + "/" + names.getOrDefault(query.get("userId"), "-") + "/"
                    + query.getOrDefault("isPlayed", "-") + "/" + query.getOrDefault("isFavorite", "-");
        }).toList();
    }

    private static Map<String, String> query(FakeRequest request) {
        return java.util.Arrays.stream(request.query().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }
}
