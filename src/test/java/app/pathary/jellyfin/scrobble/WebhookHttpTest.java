package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.HistoryQueries.SortOrder;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeJellyfinWebhooks.Delivery;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook contract, with payloads built exactly as the Jellyfin webhook plugin builds them. */
@BothDialects
class WebhookHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "pw");
    private final FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603").imdb("tt0133093").overview("A hacker learns.");
    private final Dialect dialect;
    private TestApp app;
    private long userId;
    private URI webhook;

    WebhookHttpTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private void start(Dialect dialect, String timezone) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2026-01-03T23:30:00Z"), ZoneOffset.UTC));
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("TIMEZONE", timezone));
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        webhook = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + app.app.jellyfinLink.webhookUrls().regenerate(userId));
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    private Delivery send(String payload) {
        return jellyfin.webhooks().post(webhook, payload);
    }

    private static JsonNode json(Delivery delivery) throws Exception {
        return JSON.readTree(delivery.body());
    }

    /** The payload with one key changed, keeping the plugin's key order and compact form. */
    private static String with(String payload, String key, Object value) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(payload);
        if (value == null) {
            node.remove(key);
        } else {
            node.set(key, JSON.valueToTree(value));
        }
        return JSON.writeValueAsString(node);
    }

    private int plays() {
        var page = app.app.history.queries().page(userId, null, 1, 10, SortOrder.DESC);
        return page.entries().stream().mapToInt(e -> e.plays()).sum();
    }

    @Test
    void a_movie_played_to_completion_becomes_a_watch_date_in_the_configured_time_zone() throws Exception {
        start(dialect, "Pacific/Auckland");
        Delivery delivery = send(jellyfin.webhooks().playbackStop(alice, matrix, 81_600_000_000L, true));
        assertThat(delivery.status()).isEqualTo(200);
        JsonNode body = json(delivery);
        assertThat(body.get("result").asText()).isEqualTo("recorded");
        assertThat(body.get("watchedAt").asText()).as("23:30 UTC is the next morning in Auckland").isEqualTo("2026-01-04");
        assertThat(body.get("movie").get("tmdbId").asInt()).isEqualTo(603);
        assertThat(body.get("movie").get("title").asText()).isEqualTo("The Matrix");
        assertThat(body.get("movie").get("imdbId").asText()).isEqualTo("tt0133093");
        assertThat(body.get("movie").get("overview").asText()).isEqualTo("A hacker learns.");
        assertThat(body.get("movie").get("year").asInt()).isEqualTo(1999);
        assertThat(plays()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-03T23:30:00Z", "2026-01-03T23:30:00.853Z", "2026-01-03T23:30:00.8535910Z",
            "2026-01-04T01:30:00+02:00", "2026-01-03T23:30:00"})
    void utc_timestamps_with_0_to_7_fraction_digits_or_an_offset_are_read(String timestamp) throws Exception {
        start(dialect, "UTC");
        String payload = with(jellyfin.webhooks().playbackStop(alice, matrix, 0, true), "UtcTimestamp", timestamp);
        assertThat(json(send(payload)).get("watchedAt").asText()).isEqualTo("2026-01-03");
    }

    @Test
    void without_a_usable_utc_timestamp_the_local_timestamp_is_used_then_the_day_of_receipt_and_the_log_says_so() throws Exception {
        start(dialect, "UTC");
        String payload = with(with(jellyfin.webhooks().playbackStop(alice, matrix, 0, true), "UtcTimestamp", "garbage"),
                "Timestamp", "2025-06-30T23:00:00-05:00");
        JsonNode fromTimestamp = json(send(payload));
        assertThat(fromTimestamp.get("watchedAt").asText()).isEqualTo("2025-07-01");
        assertThat(fromTimestamp.get("note").asText()).isEqualTo("UtcTimestamp 'garbage' is not a usable date-time; Timestamp was used.");

        String today = java.time.LocalDate.now(ZoneOffset.UTC).toString();
        String unusable = with(payload, "Timestamp", "0001-01-01T00:00:00.0000000+00:00");
        JsonNode received = json(send(unusable));
        assertThat(received.get("result").asText()).isEqualTo("recorded");
        assertThat(received.get("watchedAt").asText()).isEqualTo(today);
        assertThat(received.get("note").asText()).isEqualTo("UtcTimestamp 'garbage' is not a usable date-time; counted on " + today
                + ", the day Pathary received it.");

        JsonNode neither = json(send(with(with(payload, "Timestamp", null), "UtcTimestamp", null)));
        assertThat(neither.get("result").asText()).as("the same movie on the same day of receipt").isEqualTo("duplicate");
        assertThat(app.app.scrobble.deliveries().latest(userId, 3)).extracting(d -> d.result() + ": " + d.reason()).containsExactly(
                "duplicate: This delivery was already counted.",
                "recorded: UtcTimestamp 'garbage' is not a usable date-time; counted on " + today + ", the day Pathary received it.",
                "recorded: UtcTimestamp 'garbage' is not a usable date-time; Timestamp was used.");
        var browser = app.client();
        browser.logIn("alice", "password1");
        assertThat(browser.get("/settings/integrations/jellyfin").body()).contains("the day Pathary received it");
    }

    @Test
    void a_nul_character_in_any_text_is_stored_as_a_replacement_character_on_both_dialects() throws Exception {
        start(dialect, "UTC");
        String stop = jellyfin.webhooks().playbackStop(alice, matrix, 0, true);
        JsonNode ignored = json(send(with(stop, "NotificationType", "Playback\u0000Start")));
        assertThat(ignored.get("result").asText()).isEqualTo("ignored");
        JsonNode recorded = json(send(with(stop, "Name", "The\u0000Matrix")));
        assertThat(recorded.get("result").asText()).isEqualTo("recorded");
        assertThat(app.app.movies.queries().byTmdbId(603).orElseThrow().title()).isEqualTo("The\uFFFDMatrix");
        assertThat(app.app.scrobble.deliveries().latest(userId, 2)).extracting(d -> d.result()).containsExactly("recorded", "ignored");
    }

    @Test
    void one_play_written_in_canonical_forms_is_one_delivery_even_lacking_item_user_or_timestamp() throws Exception {
        start(dialect, "UTC");
        String payload = with(with(jellyfin.webhooks().playbackStop(alice, matrix, 0, true), "UtcTimestamp", "2026-01-03T10:00:00.12Z"),
                "Timestamp", "2026-01-03T11:00:00.1200000+01:00");
        assertThat(json(send(payload)).get("result").asText()).isEqualTo("recorded");
        for (String same : List.of("2026-01-03T10:00:00.12+00:00", "2026-01-03T10:00:00.1200000Z", "2026-01-03T15:30:00.120+05:30",
                "2026-01-03t10:00:00.120000000z", " 2026-01-03T10:00:00.12Z ")) {
            assertThat(json(send(with(payload, "UtcTimestamp", same))).get("result").asText()).as(same).isEqualTo("duplicate");
        }
        assertThat(json(send(with(payload, "ItemId", null))).get("result").asText()).as("without ItemId").isEqualTo("duplicate");
        assertThat(json(send(with(with(payload, "UtcTimestamp", null), "ItemId", null))).get("result").asText())
                .as("Timestamp is the same instant").isEqualTo("duplicate");
        assertThat(json(send(with(payload, "UtcTimestamp", "2026-01-03T10:00:00.13Z"))).get("result").asText()).isEqualTo("recorded");

        String anonymous = with(payload, "UserId", null);
        assertThat(json(send(anonymous)).get("result").asText()).isEqualTo("recorded");
        assertThat(json(send(anonymous)).get("result").asText()).as("without UserId, replayed").isEqualTo("duplicate");
        String bare = with(with(with(anonymous, "ItemId", null), "UtcTimestamp", null), "Timestamp", null);
        assertThat(json(send(bare)).get("result").asText()).isEqualTo("recorded");
        assertThat(json(send(bare)).get("result").asText()).as("with neither id nor time, replayed").isEqualTo("duplicate");
        assertThat(plays()).isEqualTo(4);
    }

    @Test
    void everything_that_is_not_a_completed_movie_with_a_tmdb_id_or_a_known_episode_is_ignored_with_its_reason() throws Exception {
        start(dialect, "UTC");
        FakeItem series = jellyfin.addSeries("Severance", 2022);
        FakeItem episode = jellyfin.addEpisode(series, 1, 1, "Good News About Hell");
        FakeItem untagged = jellyfin.addMovie("Home Video", 2020);
        var webhooks = jellyfin.webhooks();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(webhooks.playbackStop(alice, matrix, 10_000_000L, false), "Not played to completion.");
        cases.put(webhooks.playbackStop(alice, episode, 0, true), "The webhook names Severance only by its Jellyfin id; log in");
        cases.put(webhooks.playbackStart(alice, matrix), "Notification type PlaybackStart is not counted; only PlaybackStop is.");
        cases.put(webhooks.userDataSaved(alice, matrix, "TogglePlayed"), "A hand mark in Jellyfin; counting them is off");
        cases.put(webhooks.itemAdded(matrix), "Notification type ItemAdded is not counted");
        cases.put(webhooks.playbackStop(alice, untagged, 0, true), "Jellyfin has no TMDb id for Home Video.");
        cases.put(with(webhooks.playbackStop(alice, matrix, 0, true), "Provider_tmdb", "0"), "Jellyfin has no TMDb id");
        for (var c : cases.entrySet()) {
            Delivery delivery = send(c.getKey());
            assertThat(delivery.status()).isEqualTo(200);
            assertThat(json(delivery).get("result").asText()).isEqualTo("ignored");
            assertThat(json(delivery).get("reason").asText()).startsWith(c.getValue());
        }
        assertThat(plays()).isZero();
    }

    @Test
    void scrobbling_switched_off_ignores_deliveries() throws Exception {
        start(dialect, "UTC");
        app.app.jellyfinLink.links().setScrobbling(userId, false);
        JsonNode body = json(send(jellyfin.webhooks().playbackStop(alice, matrix, 0, true)));
        assertThat(body.get("result").asText()).isEqualTo("ignored");
        assertThat(body.get("reason").asText()).isEqualTo("Scrobbling is switched off.");
    }

    @Test
    void escaped_non_ascii_and_quoted_names_arrive_as_typed() throws Exception {
        start(dialect, "UTC");
        FakeItem amelie = jellyfin.addMovie("Le Fabuleux Destin d'Amélie \"Poulain\" 東京", 2001).tmdb("194");
        String payload = jellyfin.webhooks().playbackStop(alice, amelie, 0, true);
        assertThat(payload).as("the plugin escapes non-ASCII").contains("\\u00E9").doesNotContain("é");
        assertThat(json(send(payload)).get("movie").get("title").asText()).isEqualTo("Le Fabuleux Destin d'Amélie \"Poulain\" 東京");
    }

    @Test
    void broken_payloads_get_400_with_a_reason_and_change_nothing() throws Exception {
        start(dialect, "UTC");
        String stop = jellyfin.webhooks().playbackStop(alice, matrix, 0, true);
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("not json at all", "The body is not JSON");
        cases.put("[1,2,3]", "The body must be a JSON object");
        cases.put("\"PlaybackStop\"", "The body must be a JSON object");
        cases.put(with(stop, "PlayedToCompletion", null), "PlayedToCompletion is missing");
        cases.put(with(stop, "PlayedToCompletion", "maybe"), "PlayedToCompletion must be true or false");
        cases.put(with(stop, "NotificationType", 42), "NotificationType must be a string");
        cases.put(with(stop, "ItemType", null), "ItemType is missing");
        cases.put("", "The body is empty");
        for (var c : cases.entrySet()) {
            Delivery delivery = send(c.getKey());
            assertThat(delivery.status()).as(c.getKey()).isEqualTo(400);
            assertThat(json(delivery).get("error").asText()).as(c.getKey()).startsWith(c.getValue());
        }
        assertThat(plays()).isZero();
        assertThat(app.app.scrobble.deliveries().latest(userId, 20)).hasSize(cases.size()).allMatch(d -> d.result().equals("rejected"));
    }

    @Test
    void a_deleted_users_url_is_404_at_once_even_right_after_a_delivery() throws Exception {
        start(dialect, "UTC");
        assertThat(json(send(jellyfin.webhooks().playbackStop(alice, matrix, 0, true))).path("result").asText()).isEqualTo("recorded");
        app.app.users.accounts().delete(userId);
        assertThat(send(jellyfin.webhooks().playbackStop(alice, matrix, 60, true)).status()).isEqualTo(404);
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_and_an_unknown_url_is_404() throws Exception {
        start(dialect, "UTC");
        String huge = with(jellyfin.webhooks().playbackStop(alice, matrix, 0, true), "Overview", "x".repeat(2 * 1024 * 1024));
        for (int i = 0; i < 40; i++) {
            // the answer is sent before the body is read; each of these used to risk a reset instead of the 413
            assertThat(send(huge).status()).as("oversized delivery %d", i).isEqualTo(413);
        }
        URI unknown = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + java.util.UUID.randomUUID());
        assertThat(jellyfin.webhooks().post(unknown, jellyfin.webhooks().playbackStop(alice, matrix, 0, true)).status()).isEqualTo(404);
        String old = webhook.toString();
        app.app.jellyfinLink.webhookUrls().regenerate(userId);
        assertThat(jellyfin.webhooks().post(URI.create(old), jellyfin.webhooks().playbackStop(alice, matrix, 0, true)).status())
                .as("a regenerated URL stops the old one at once").isEqualTo(404);
        assertThat(plays()).isZero();
    }

    @Test
    void the_same_delivery_twice_counts_once_but_a_later_play_counts_again() throws Exception {
        start(dialect, "UTC");
        String payload = jellyfin.webhooks().playbackStop(alice, matrix, 0, true);
        assertThat(json(send(payload)).get("result").asText()).isEqualTo("recorded");
        JsonNode again = json(send(payload));
        assertThat(again.get("result").asText()).isEqualTo("duplicate");
        assertThat(again.size()).isEqualTo(1);
        assertThat(json(send(with(payload, "UtcTimestamp", "2026-01-03T23:59:00.1Z"))).get("result").asText()).isEqualTo("recorded");
        assertThat(plays()).isEqualTo(2);
    }

    @Test
    void the_same_delivery_arriving_at_the_same_moment_counts_once() throws Exception {
        start(dialect, "UTC");
        String payload = jellyfin.webhooks().playbackStop(alice, matrix, 0, true);
        int senders = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Delivery>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return send(payload);
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<Delivery> answer : answers) {
                Delivery delivery = answer.get();
                assertThat(delivery.status()).isEqualTo(200);
                results.add(json(delivery).get("result").asText());
            }
            assertThat(results).containsOnlyOnce("recorded").filteredOn("duplicate"::equals).hasSize(senders - 1);
        }
        assertThat(plays()).isEqualTo(1);
    }

    @Test
    void a_linked_user_ignores_plays_of_other_jellyfin_users() throws Exception {
        start(dialect, "UTC");
        FakeUser bob = jellyfin.addUser("bob", "pw");
        app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(userId, "alice", "pw");
        JsonNode body = json(send(jellyfin.webhooks().playbackStop(bob, matrix, 0, true)));
        assertThat(body.get("result").asText()).isEqualTo("ignored");
        assertThat(body.get("reason").asText()).startsWith("Played by another Jellyfin user (bob)");
        assertThat(json(send(jellyfin.webhooks().playbackStop(alice, matrix, 0, true))).get("result").asText()).isEqualTo("recorded");
    }

    @Test
    void the_settings_page_lists_the_latest_deliveries_with_their_reasons() throws Exception {
        start(dialect, "UTC");
        send(jellyfin.webhooks().playbackStop(alice, matrix, 0, true));
        send(jellyfin.webhooks().playbackStop(alice, matrix, 10_000_000L, false));
        var browser = app.client();
        browser.logIn("alice", "password1");
        String page = browser.get("/settings/integrations/jellyfin").body();
        assertThat(page).contains(webhook.toString()).contains("Not played to completion.").contains("recorded").contains("The Matrix");
        assertThat(app.app.scrobble.deliveries().latest(userId, 20)).extracting(d -> d.result()).containsExactly("ignored", "recorded");
    }
}
