package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emitter against the real "Send All Properties" ItemAdded payload and the plugin's key lists (section 7.4). */
class FakeJellyfinWebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STREAM_PREFIXES = List.of("Video_", "Audio_", "Subtitle_");

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeJellyfinWebhooks webhooks = jellyfin.webhooks().serverUrl("https://xx.xxxxxx.fr/");
    private final FakeUser alice = jellyfin.addUser("alice", "pw");
    private final FakeItem freeGuy = jellyfin.addMovie("Free Guy", 2021)
            .overview("A bank teller discovers he is a background player in a video game.")
            .tagline("Life's too short to be a background character.")
            .premiereDate(LocalDate.of(2021, 8, 11)).genres("Comedie", "Aventure", "Science-Fiction")
            .imdb("tt6264654").tmdb("550988").provider("TmdbCollection", "861415")
            .runtime(Duration.ofNanos(68986860000L * 100));

    {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-08-18T18:35:28.3097783Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @Test
    void itemAddedForAMovieHasTheRealPayloadsKeysOrderAndTypes() {
        JsonNode real = fixture();
        JsonNode fake = parse(webhooks.itemAdded(freeGuy));

        assertThat(nonStreamKeys(fake)).containsExactlyElementsOf(nonStreamKeys(real));
        for (String prefix : List.of("Video_0_", "Audio_0_", "Subtitle_0_")) {
            assertThat(keysWithTypes(fake, prefix)).as(prefix).containsExactlyElementsOf(keysWithTypes(real, prefix));
        }
        assertThat(keysWithTypes(fake, "")).containsAll(nonStreamKeys(real).stream().map(k -> k + ":" + JsonTypes.of(real.get(k))).toList());
    }

    @Test
    void itemAddedValuesAreFormattedLikeThePlugin() {
        JsonNode fake = parse(webhooks.itemAdded(freeGuy));

        assertThat(fake.get("ServerId").asText()).isEqualTo(jellyfin.serverId());
        assertThat(fake.get("ServerVersion").asText()).isEqualTo("10.11.11");
        assertThat(fake.get("ItemId").asText()).isEqualTo(freeGuy.id()).matches("[0-9a-f]{32}");
        assertThat(fake.get("Timestamp").asText()).isEqualTo("2025-08-18T20:35:28.3097783+02:00");
        assertThat(fake.get("UtcTimestamp").asText()).isEqualTo("2025-08-18T18:35:28.3097783Z");
        assertThat(fake.get("RunTimeTicks").asLong()).isEqualTo(68986860000L);
        assertThat(fake.get("RunTime").asText()).isEqualTo("01:54:58");
        assertThat(fake.get("PremiereDate").asText()).isEqualTo("2021-08-11");
        assertThat(fake.get("Genres").asText()).isEqualTo("Comedie, Aventure, Science-Fiction");
        assertThat(fake.get("Provider_tmdbcollection").asText()).isEqualTo("861415");
    }

    @Test
    void playbackStopHasThePluginsKeysInOrder() {
        String token = jellyfin.issueToken(alice, "android-1");

        JsonNode stop = parse(webhooks.playbackStop(alice, freeGuy, 68_000_000_000L, true));

        assertThat(nonStreamKeys(stop)).containsExactly("ServerId", "ServerName", "ServerVersion", "ServerUrl",
                "NotificationType", "Timestamp", "UtcTimestamp", "Name", "Overview", "Tagline", "ItemId", "ItemType",
                "RunTimeTicks", "RunTime", "Year", "PremiereDate", "Genres", "Provider_imdb", "Provider_tmdb",
                "Provider_tmdbcollection", "PlaybackPositionTicks", "PlaybackPosition", "MediaSourceId", "IsPaused",
                "IsAutomated", "DeviceId", "DeviceName", "ClientName", "PlayedToCompletion", "Id", "UserId",
                "NotificationUsername", "Client", "LastActivityDate", "LastPlaybackCheckIn", "RemoteEndPoint");
        assertThat(stop.get("NotificationType").asText()).isEqualTo("PlaybackStop");
        assertThat(stop.get("PlayedToCompletion").isBoolean()).isTrue();
        assertThat(stop.get("PlayedToCompletion").asBoolean()).isTrue();
        assertThat(stop.get("PlaybackPositionTicks").isIntegralNumber()).isTrue();
        assertThat(stop.get("PlaybackPosition").asText()).isEqualTo("01:53:20");
        assertThat(stop.get("UserId").asText()).isEqualTo(alice.id());
        assertThat(stop.get("NotificationUsername").asText()).isEqualTo("alice");
        assertThat(stop.get("DeviceId").asText()).isEqualTo("android-1");
        assertThat(stop.get("ItemType").asText()).isEqualTo("Movie");
        assertThat(token).isNotBlank();
    }

    @Test
    void playbackStopCanSayTheItemWasNotFinished() {
        JsonNode stop = parse(webhooks.playbackStop(alice, freeGuy, 10_000_000_000L, false));

        assertThat(stop.get("PlayedToCompletion").asBoolean()).isFalse();
    }

    @Test
    void playbackStartHasPlayMethodAndNoPlayedToCompletion() {
        JsonNode start = parse(webhooks.playbackStart(alice, freeGuy));
        JsonNode stop = parse(webhooks.playbackStop(alice, freeGuy, 0, true));

        assertThat(start.get("NotificationType").asText()).isEqualTo("PlaybackStart");
        assertThat(start.get("PlayMethod").asText()).isEqualTo("DirectPlay");
        assertThat(start.has("PlayedToCompletion")).isFalse();
        List<String> expected = new ArrayList<>(nonStreamKeys(stop));
        expected.add(expected.indexOf("PlayedToCompletion"), "PlayMethod");
        expected.remove("PlayedToCompletion");
        assertThat(nonStreamKeys(start)).containsExactlyElementsOf(expected);
    }

    @Test
    void itemAddedForAMultiEpisodeFileCarriesSeriesSeasonAndEpisodeNumbers() {
        FakeItem series = jellyfin.addSeries("Pioneer One", 2010).premiereDate(LocalDate.of(2010, 6, 16));
        FakeItem episode = jellyfin.addEpisode(series, 1, 5, "Sea of Trouble").indexNumberEnd(6).tvdb("3086721")
                .year(2011).path("/tv/Pioneer One/S01E05-E06.mkv");

        JsonNode added = parse(webhooks.itemAdded(episode));

        assertThat(nonStreamKeys(added)).containsExactly("ServerId", "ServerName", "ServerVersion", "ServerUrl",
                "NotificationType", "Timestamp", "UtcTimestamp", "Name", "Overview", "Tagline", "ItemId", "ItemType",
                "RunTimeTicks", "RunTime", "Year", "SeriesName", "SeriesId", "SeasonId", "SeriesPremiereDate",
                "SeasonNumber", "SeasonNumber00", "SeasonNumber000", "EpisodeNumber", "EpisodeNumber00",
                "EpisodeNumber000", "EpisodeNumberEnd", "EpisodeNumberEnd00", "EpisodeNumberEnd000", "Provider_tvdb");
        assertThat(added.get("ItemType").asText()).isEqualTo("Episode");
        assertThat(added.get("Year").asInt()).as("an episode reports its series' year").isEqualTo(2010);
        assertThat(added.get("SeasonNumber").asInt()).isEqualTo(1);
        assertThat(added.get("SeasonNumber00").asText()).isEqualTo("01");
        assertThat(added.get("EpisodeNumber000").asText()).isEqualTo("005");
        assertThat(added.get("EpisodeNumberEnd").asInt()).isEqualTo(6);
        assertThat(added.get("SeriesId").asText()).isEqualTo(series.id());
        assertThat(added.get("SeasonId").asText()).isEqualTo(episode.parentId());
        assertThat(added.has("Path")).isFalse();
    }

    @Test
    void userDataSavedCarriesTheUsersStateAndTheSaveReason() {
        jellyfin.setUserData(alice, freeGuy, FakeUserData.playedOn(Instant.parse("2024-01-31T20:30:00Z"), 3));

        JsonNode saved = parse(webhooks.userDataSaved(alice, freeGuy, "TogglePlayed"));

        List<String> keys = nonStreamKeys(saved);
        assertThat(keys.subList(keys.indexOf("Provider_tmdbcollection") + 1, keys.size())).containsExactly("Likes",
                "Rating", "PlaybackPositionTicks", "PlaybackPosition", "PlayCount", "Favorite", "Played",
                "AudioStreamIndex", "SubtitleStreamIndex", "LastPlayedDate", "SaveReason", "NotificationUsername", "UserId");
        assertThat(saved.get("Played").asBoolean()).isTrue();
        assertThat(saved.get("PlayCount").asInt()).isEqualTo(3);
        assertThat(saved.get("AudioStreamIndex").asInt()).isEqualTo(-1);
        assertThat(saved.get("LastPlayedDate").asText()).isEqualTo("2024-01-31T20:30:00.0000000Z");
        assertThat(saved.get("SaveReason").asText()).isEqualTo("TogglePlayed");
    }

    @Test
    void payloadsAreCompactAndEscapedLikeSystemTextJson() {
        FakeItem amelie = jellyfin.addMovie("Le Fabuleux Destin d'Amélie Poulain", 2001).tagline("Say \"Bonjour\" <3 & +1");

        String payload = webhooks.itemAdded(amelie);

        assertThat(payload).doesNotContain("\n", "\": ", ", \"", "é", "<", "&", "+", "'");
        assertThat(payload).contains("Am\\u00E9lie", "d\\u0027Am", "Say \\\\\\u0022Bonjour\\\\\\u0022 \\u003C3 \\u0026 \\u002B1");
        JsonNode parsed = parse(payload);
        assertThat(parsed.get("Name").asText()).isEqualTo("Le Fabuleux Destin d'Amélie Poulain");
        assertThat(parsed.get("Tagline").asText()).as("the plugin's Escape() leaves a backslash before quotes")
                .isEqualTo("Say \\\"Bonjour\\\" <3 & +1");
    }

    @Test
    void postsAsTextPlainWithJellyfinsUserAgent() throws IOException {
        Map<String, String> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/jellyfin", exchange -> {
            received.put("method", exchange.getRequestMethod());
            received.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            received.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
            received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "queued".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        try {
            String payload = webhooks.playbackStop(alice, freeGuy, 68_000_000_000L, true);
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/jellyfin");

            FakeJellyfinWebhooks.Delivery delivery = webhooks.post(url, payload);

            assertThat(delivery).isEqualTo(new FakeJellyfinWebhooks.Delivery(202, "queued"));
            assertThat(received).containsEntry("method", "POST")
                    .containsEntry("contentType", "text/plain; charset=utf-8")
                    .containsEntry("userAgent", "Jellyfin-Server/10.11.11")
                    .containsEntry("body", payload);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theTimestampFollowsTheServersZone() {
        webhooks.zone(ZoneId.of("UTC"));

        assertThat(parse(webhooks.itemAdded(freeGuy)).get("Timestamp").asText()).isEqualTo("2025-08-18T18:35:28.3097783+00:00");
    }

    private static JsonNode fixture() {
        try (InputStream in = FakeJellyfinWebhooksTest.class.getResourceAsStream("/fixtures/jellyfin/webhook/itemadded-movie-10.10.7.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> nonStreamKeys(JsonNode payload) {
        return names(payload).filter(k -> STREAM_PREFIXES.stream().noneMatch(k::startsWith)).toList();
    }

    private static List<String> keysWithTypes(JsonNode payload, String prefix) {
        return names(payload).filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()) + ":" + JsonTypes.of(payload.get(k))).toList();
    }

    private static Stream<String> names(JsonNode payload) {
        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        return names.stream();
    }
}
