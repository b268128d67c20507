package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake's answers against answers recorded from a real Jellyfin (demo server 10.8.10): same keys
 * with the same JSON types. A recorded key the fake leaves out must be one that Jellyfin 10.11 no longer
 * declares, or one listed here as deliberately not emulated (images, ratings and similar decoration).
 */
class FakeJellyfinRecordingsTest {

    private static final OpenApiDocument SPEC = OpenApiDocument.load("/fixtures/jellyfin/openapi-10.11.11.json");
    private static final List<String> DECORATION = List.of("ImageTags", "BackdropImageTags", "ImageBlurHashes",
            "ParentBackdropItemId", "ParentBackdropImageTags", "SeriesPrimaryImageTag", "PrimaryImageAspectRatio",
            "OfficialRating", "CommunityRating", "HasSubtitles", "Container", "VideoType", "Status", "AirDays", "EndDate",
            "Etag", "Taglines", "Genres", "RemoteTrailers", "People", "Studios", "GenreItems", "LocalTrailerCount",
            "RecursiveItemCount", "ChildCount", "SpecialFeatureCount", "DisplayPreferencesId", "Tags", "LockedFields",
            "LockData", "CanDelete", "CanDownload", "ExternalUrls", "EnableMediaSourceDisplay", "PlayAccess",
            "ProductionLocations", "CumulativeRunTimeTicks", "SeriesStudio", "MediaSources", "MediaStreams",
            "CriticRating", "SortName", "DateLastMediaAdded", "PartCount", "MediaSourceCount", "Chapters",
            "NowPlayingQueueFullItems" /* declared by 10.11, gone in 12.0: the fake sends what both declare */);

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final RawJellyfinRequests raw = new RawJellyfinRequests(jellyfin.baseUrl());
    private final FakeUser demo = jellyfin.addUser("demo", "");
    private static final LocalDate PREMIERE = LocalDate.of(2010, 6, 16);

    private final FakeItem series = jellyfin.addSeries("Pioneer One", 2010).tvdb("170551").premiereDate(PREMIERE)
            .runtime(Duration.ofMinutes(30)).path("/media/TV Shows/Pioneer One (2010)");
    private final FakeItem earthfall = jellyfin.addEpisode(series, 1, 1, "Earthfall").year(2010).premiereDate(PREMIERE)
            .runtime(Duration.ofMinutes(54)).path("/media/TV Shows/Pioneer One (2010)/Season 01/S01E01.mp4");

    {
        jellyfin.item(earthfall.parentId()).year(2010).premiereDate(PREMIERE).path("/media/TV Shows/Pioneer One (2010)/Season 01");
        FakeItem second = jellyfin.addEpisode(series, 1, 2, "The Man from Mars").year(2010).premiereDate(PREMIERE);
        jellyfin.setUserData(demo, earthfall, new FakeUserData(false, 17, Instant.parse("2023-05-15T15:10:02.3333918Z"), true, 0));
        jellyfin.setUserData(demo, second, FakeUserData.playedOn(Instant.parse("2023-05-01T10:00:00Z"), 1));
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @Test
    void publicSystemInfoHasTheRecordedKeysInTheRecordedOrder() {
        JellyfinRecording recorded = JellyfinRecording.load("auth-0-GET-system_info_public-200.json");

        JsonNode fake = raw.get("/system/info/public", null).json();

        assertThat(names(fake)).containsExactlyElementsOf(names(recorded.body()));
        assertSameShape(recorded.body(), fake, "PublicSystemInfo");
    }

    @Test
    void systemInfoHasEveryRecordedKeyStillDeclaredByJellyfin() {
        JellyfinRecording recorded = JellyfinRecording.load("authed-1-GET-system_info-200.json");

        JsonNode fake = raw.get("/system/info", jellyfin.issueToken(demo, "d")).json();

        assertSameShape(recorded.body(), fake, "SystemInfo");
    }

    @Test
    void authenticateByNameAnswersWithTheRecordedStructure() {
        JellyfinRecording recorded = JellyfinRecording.load("auth-2-POST-Users_AuthenticateByName-200.json");

        RawJellyfinRequests.Answer answer = raw.post("/Users/AuthenticateByName", null, recorded.request().get("body").toString());

        assertThat(answer.status()).isEqualTo(recorded.status());
        assertThat(names(answer.json())).containsExactlyElementsOf(names(recorded.body()));
        assertSameShape(recorded.body(), answer.json(), "AuthenticationResult");
        assertThat(answer.json().at("/SessionInfo/LastPlaybackCheckIn").asText()).isEqualTo("0001-01-01T00:00:00.0000000Z");
    }

    @Test
    void aBadTokenGetsTheRecorded401WithoutBody() {
        JellyfinRecording recorded = JellyfinRecording.load("unauth-1-GET-system_info-401.json");

        RawJellyfinRequests.Answer answer = raw.get("/system/info", "88403c92f08d40ca844fff87bfc0f772");

        assertThat(answer.status()).isEqualTo(recorded.status());
        assertThat(answer.body()).isEmpty();
        assertThat(recorded.body().isNull()).isTrue();
    }

    @Test
    void anEmptySearchAnswersExactlyAsRecorded() {
        JellyfinRecording recorded = JellyfinRecording.load("notfound-0-GET-Users_a076a5bfc9034f379f5889bc6dafc77b_Items-200.json");

        JsonNode fake = raw.get("/Items?searchTerm=NotFound&Recursive=True&IncludeItemTypes=Series&Limit=20",
                jellyfin.issueToken(demo, "d")).json();

        assertThat(fake).isEqualTo(recorded.body());
    }

    @Test
    void aSeriesItemHasTheRecordedShape() {
        JellyfinRecording recorded = JellyfinRecording.load("series-0-GET-Users_a076a5bfc9034f379f5889bc6dafc77b_Items-200.json");

        JsonNode fake = raw.get("/Items?searchTerm=Pioneer+One&Recursive=True&IncludeItemTypes=Series&Limit=20",
                jellyfin.issueToken(demo, "d")).json();

        assertThat(names(fake)).containsExactlyElementsOf(names(recorded.body()));
        assertSameShape(recorded.body(), fake, "BaseItemDtoQueryResult");
    }

    @Test
    void aSeasonItemWithFieldsHasTheRecordedShape() {
        JellyfinRecording recorded = JellyfinRecording.load("series-1-GET-Shows_05991932707d2c668148d8ed19cdb544_Seasons-200.json");
        String fields = recorded.request().get("uri").asText().replaceAll(".*Fields=", "");

        JsonNode fake = raw.get("/Items?parentId=" + series.id() + "&IncludeItemTypes=Season&Fields=" + fields,
                jellyfin.issueToken(demo, "d")).json();

        assertThat(fake.at("/Items/0/Path").asText()).isEqualTo("/media/TV Shows/Pioneer One (2010)/Season 01");
        assertThat(fake.at("/Items/0/ParentId").asText()).isEqualTo(series.id());
        assertThat(fake.at("/Items/0/ProviderIds").isObject()).isTrue();
        assertSameShape(recorded.body(), fake, "BaseItemDtoQueryResult");
    }

    @Test
    void anEpisodeWithUserDataHasTheRecordedShape() {
        JellyfinRecording recorded = JellyfinRecording.load("series-2-GET-Shows_05991932707d2c668148d8ed19cdb544_Episodes-200.json");

        JsonNode fake = raw.get("/Items?userId=" + demo.id() + "&parentId=" + earthfall.parentId()
                + "&sortBy=IndexNumber", jellyfin.issueToken(demo, "d")).json();

        assertThat(names(fake.at("/Items/0/UserData"))).containsExactlyElementsOf(
                append(names(recorded.body().at("/Items/0/UserData")), "ItemId"));
        assertSameShape(recorded.body(), fake, "BaseItemDtoQueryResult");
    }

    @Test
    void datesLookLikeTheRecordedOnes() {
        String pattern = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{1,7}Z";
        JellyfinRecording recorded = JellyfinRecording.load("series-2-GET-Shows_05991932707d2c668148d8ed19cdb544_Episodes-200.json");
        JsonNode fake = raw.get("/Items/" + earthfall.id() + "?userId=" + demo.id(), jellyfin.issueToken(demo, "d")).json();

        assertThat(recorded.body().at("/Items/0/UserData/LastPlayedDate").asText()).matches(pattern);
        assertThat(fake.at("/UserData/LastPlayedDate").asText()).isEqualTo("2023-05-15T15:10:02.3333918Z");
        assertThat(fake.get("DateCreated").asText()).matches(pattern);
    }

    private static void assertSameShape(JsonNode recorded, JsonNode fake, String schema) {
        JsonShapeDifferences differences = JsonShapeDifferences.between(recorded, fake);
        assertThat(differences.typeMismatches).isEmpty();
        List<String> unexplained = differences.missing.stream()
                .filter(path -> SPEC.declares(schema, keys(path)))
                .filter(path -> !DECORATION.contains(keys(path).getLast()))
                .toList();
        assertThat(unexplained).as("recorded keys the fake does not send").isEmpty();
    }

    private static List<String> keys(String path) {
        return Arrays.stream(path.replace("[0]", "").split("\\.")).skip(1).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> append(List<String> names, String name) {
        List<String> all = new ArrayList<>(names);
        all.add(name);
        return all;
    }
}
