package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's own contract, checked with hand-written requests (reference section 10). */
class FakeJellyfinTest {

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final RawJellyfinRequests raw = new RawJellyfinRequests(jellyfin.baseUrl());
    private final FakeUser alice = jellyfin.addUser("alice", "pw");

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @Test
    void legacyTokenPlacesAreIgnoredAsInJellyfin12() {
        String token = raw.login("alice", "pw");
        String url = "/System/Info";

        assertThat(raw.send("GET", url, null, Map.of("X-Emby-Token", token)).status()).isEqualTo(401);
        assertThat(raw.send("GET", url, null, Map.of("X-MediaBrowser-Token", token)).status()).isEqualTo(401);
        assertThat(raw.send("GET", url, null, Map.of("X-Emby-Authorization", RawJellyfinRequests.IDENTITY
                + ", Token=\"" + token + "\"")).status()).isEqualTo(401);
        assertThat(raw.send("GET", url, null, Map.of("Authorization", "Emby Token=\"" + token + "\"")).status()).isEqualTo(401);
        assertThat(raw.send("GET", url + "?api_key=" + token, null, Map.of()).status()).isEqualTo(401);
        assertThat(raw.send("GET", url + "?apikey=" + token, null, Map.of()).status()).isEqualTo(200);
        assertThat(raw.get(url, token).status()).isEqualTo(200);
    }

    @Test
    void aBadTokenGets401WithAnEmptyBody() {
        RawJellyfinRequests.Answer answer = raw.get("/System/Info", "0123456789abcdef0123456789abcdef");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void loginNeedsTheFourClientFieldsAndAcceptsBodyKeysInAnyCase() {
        String body = "{\"username\":\"alice\",\"Pw\":\"pw\"}";

        assertThat(raw.send("POST", "/Users/AuthenticateByName", body,
                Map.of("X-Emby-Authorization", RawJellyfinRequests.IDENTITY)).status()).isEqualTo(400);
        assertThat(raw.send("POST", "/Users/AuthenticateByName", body,
                Map.of("Authorization", "MediaBrowser Client=\"raw\", Device=\"d\", Version=\"1\"")).status()).isEqualTo(400);
        assertThat(raw.post("/Users/AuthenticateByName", null, body).status()).isEqualTo(200);
    }

    @Test
    void unknownFiltersAreIgnoredSoTheWholeLibraryComesBack() {
        jellyfin.addMovie("Free Guy", 2021).tmdb("550988").path("/m/free-guy.mkv");
        jellyfin.addMovie("Dune", 2021).tmdb("438631").path("/m/dune.mkv");
        String token = jellyfin.issueToken(alice, "d");

        JsonNode byPath = raw.get("/Items?recursive=true&includeItemTypes=Movie&Path=%2Fm%2Fdune.mkv", token).json();
        JsonNode byProvider = raw.get("/Items?recursive=true&includeItemTypes=Movie&AnyProviderIdEquals=tmdb.438631", token).json();

        assertThat(byPath.get("Items")).hasSize(2);
        assertThat(byProvider.get("Items")).hasSize(2);
    }

    @Test
    void typeFiltersThatDoNotParseAreDroppedAndNamesIgnoreCase() {
        FakeItem series = jellyfin.addSeries("Pioneer One", 2010);
        jellyfin.addEpisode(series, 1, 1, "Earthfall");
        jellyfin.addMovie("Free Guy", 2021);
        String token = jellyfin.issueToken(alice, "d");

        assertThat(raw.get("/Items?recursive=true&includeItemTypes=Movies", token).json().get("Items")).hasSize(4);
        assertThat(raw.get("/Items?Recursive=TRUE&IncludeItemTypes=movie", token).json().get("Items")).hasSize(1);
        assertThat(raw.get("/Items?recursive=true&includeItemTypes=Movie&includeItemTypes=Episode", token).json()
                .get("Items")).hasSize(2);
    }

    @Test
    void withoutRecursiveTheRootListsTheLibraries() {
        jellyfin.addMovie("Free Guy", 2021);
        jellyfin.addSeries("Pioneer One", 2010);

        JsonNode items = raw.get("/Items", jellyfin.issueToken(alice, "d")).json().get("Items");

        assertThat(items).extracting(i -> i.get("Type").asText()).containsOnly("CollectionFolder");
        assertThat(items).extracting(i -> i.get("CollectionType").asText()).containsExactlyInAnyOrder("movies", "tvshows");
    }

    @Test
    void nullsAreOmittedExceptChannelIdAndIdsAreInNFormat() {
        jellyfin.addMovie("Free Guy", 2021);

        JsonNode movie = raw.get("/Items?recursive=true&includeItemTypes=Movie&fields=Path", jellyfin.issueToken(alice, "d"))
                .json().get("Items").get(0);

        assertThat(movie.has("Path")).isFalse();
        assertThat(movie.has("Overview")).isFalse();
        assertThat(movie.get("ChannelId").isNull()).isTrue();
        assertThat(movie.get("Id").asText()).matches("[0-9a-f]{32}");
        assertThat(movie.get("UserData").has("LastPlayedDate")).isFalse();
    }

    @Test
    void anApiKeyWithoutUserSeesNoUserDataAndCannotFilterOnPlayed() {
        jellyfin.addMovie("Free Guy", 2021);
        String apiKey = jellyfin.addApiKey();

        JsonNode movie = raw.get("/Items?recursive=true&includeItemTypes=Movie", apiKey).json().get("Items").get(0);

        assertThat(movie.has("UserData")).isFalse();
        assertThat(raw.get("/Items?recursive=true&isPlayed=true", apiKey).status()).isEqualTo(500);
        assertThat(raw.get("/Users/Me", apiKey).status()).isEqualTo(400);
    }

    @Test
    void totalRecordCountIsCountedOnlyForPagedQueriesThatAllowIt() {
        for (int i = 0; i < 5; i++) {
            jellyfin.addMovie("Movie " + i, 2000);
        }
        String token = jellyfin.issueToken(alice, "d");
        String movies = "/Items?recursive=true&includeItemTypes=Movie&sortBy=SortName";

        assertThat(raw.get(movies + "&limit=2", token).json().get("TotalRecordCount").asInt()).isEqualTo(5);
        assertThat(raw.get(movies + "&limit=2&enableTotalRecordCount=false", token).json().get("TotalRecordCount").asInt()).isEqualTo(2);
        assertThat(raw.get(movies + "&startIndex=4&limit=2", token).json().get("StartIndex").asInt()).isEqualTo(4);
        assertThat(raw.get(movies, token).json().get("TotalRecordCount").asInt()).isEqualTo(5);
    }

    @Test
    void withoutSortByTheOrderIsNotStable() {
        for (int i = 0; i < 20; i++) {
            jellyfin.addMovie("Movie " + i, 2000);
        }
        String token = jellyfin.issueToken(alice, "d");
        List<List<String>> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode items = raw.get("/Items?recursive=true&includeItemTypes=Movie", token).json().get("Items");
            List<String> ids = new ArrayList<>();
            items.forEach(item -> ids.add(item.get("Id").asText()));
            orders.add(ids);
        }

        assertThat(orders).doesNotHaveDuplicates();
    }

    @Test
    void sortsByTheGivenKeysWithAPerKeyOrder() {
        jellyfin.addMovie("B", 2001);
        jellyfin.addMovie("A", 2001);
        jellyfin.addMovie("The C", 1999);
        String token = jellyfin.issueToken(alice, "d");

        JsonNode items = raw.get("/Items?recursive=true&includeItemTypes=Movie&sortBy=ProductionYear,SortName"
                + "&sortOrder=Descending,Ascending", token).json().get("Items");

        assertThat(items).extracting(i -> i.get("Name").asText()).containsExactly("A", "B", "The C");
    }

    @Test
    void datePlayedAcceptsTheCompactAndTheIsoForm() {
        FakeItem movie = jellyfin.addMovie("Free Guy", 2021);
        String token = jellyfin.issueToken(alice, "d");

        raw.post("/UserPlayedItems/" + movie.id() + "?datePlayed=20240131203000", token, null);
        assertThat(jellyfin.userData(alice, movie).lastPlayedDate()).hasToString("2024-01-31T20:30:00Z");
        raw.post("/UserPlayedItems/" + movie.id() + "?datePlayed=2024-02-01T10:00:00.000Z", token, null);
        assertThat(jellyfin.userData(alice, movie).lastPlayedDate()).hasToString("2024-02-01T10:00:00Z");
        assertThat(jellyfin.userData(alice, movie).playCount()).isEqualTo(2);
        assertThat(raw.post("/UserPlayedItems/" + movie.id() + "?datePlayed=yesterday", token, null).status()).isEqualTo(400);
    }

    @Test
    void dashedAndUndashedGuidsAreTheSameItem() {
        FakeItem movie = jellyfin.addMovie("Free Guy", 2021);
        String id = movie.id();
        String dashed = id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-"
                + id.substring(16, 20) + "-" + id.substring(20);

        assertThat(raw.get("/Items/" + dashed.toUpperCase(), jellyfin.issueToken(alice, "d")).json().get("Id").asText()).isEqualTo(id);
    }

    @Test
    void aBasePathIsRequiredWhenConfigured() {
        try (FakeJellyfin underPath = FakeJellyfin.start("jellyfin/")) {
            RawJellyfinRequests atRoot = new RawJellyfinRequests(java.net.URI.create(
                    underPath.baseUrl().toString().replace("/jellyfin", "")));

            assertThat(underPath.baseUrl().getPath()).isEqualTo("/jellyfin");
            assertThat(new RawJellyfinRequests(underPath.baseUrl()).get("/System/Info/Public", null).status()).isEqualTo(200);
            assertThat(atRoot.get("/System/Info/Public", null).status()).isEqualTo(404);
        }
    }

    @Test
    void logsEveryRequestWithItsHeadersAndCountsThemPerRoute() {
        raw.get("/System/Info/Public?x=1", null);
        raw.get("/system/info/public", null);

        assertThat(jellyfin.requestCount("GET", "/System/Info/Public")).isEqualTo(2);
        FakeRequest first = jellyfin.requests().getFirst();
        assertThat(first.query()).isEqualTo("x=1");
        assertThat(first.header("Authorization")).isEqualTo(RawJellyfinRequests.IDENTITY);
        jellyfin.clearRequests();
        assertThat(jellyfin.requests()).isEmpty();
    }

    @Test
    void addedLatencyDelaysEveryAnswer() {
        jellyfin.setLatency(Duration.ofMillis(300));
        long started = System.nanoTime();

        raw.get("/System/Info/Public", null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void faultsHitOnlyTheNextRequests() {
        jellyfin.failNext(2, FakeJellyfin.Fault.SERVER_ERROR);

        assertThat(raw.get("/System/Info/Public", null).status()).isEqualTo(500);
        assertThat(raw.get("/System/Info/Public", null).status()).isEqualTo(500);
        assertThat(raw.get("/System/Info/Public", null).status()).isEqualTo(200);
    }

    @Test
    void aDisabledUsersTokenStopsWorking() {
        String token = raw.login("alice", "pw");
        jellyfin.setDisabled(alice, true);

        assertThat(raw.get("/System/Info", token).status()).isEqualTo(401);
    }

    @Test
    void aNonAdminCannotUpdateAnotherUsersData() {
        FakeUser bob = jellyfin.addUser("bob", "pw");
        FakeItem movie = jellyfin.addMovie("Free Guy", 2021);

        RawJellyfinRequests.Answer answer = raw.post("/UserItems/" + movie.id() + "/UserData?userId=" + bob.id(),
                jellyfin.issueToken(alice, "d"), "{\"Played\":true}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(jellyfin.userData(bob, movie)).isEqualTo(FakeUserData.NONE);
    }
}
