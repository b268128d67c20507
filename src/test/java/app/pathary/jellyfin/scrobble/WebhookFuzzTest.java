package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.HistoryQueries.SortOrder;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeJellyfinWebhooks.Delivery;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing the two doors anyone can knock on: webhook deliveries built from the plugin's real PlaybackStop payload with
 * keys changed, removed, given odd types, odd timestamps, deep nesting or long numbers, or cut short; and history API
 * bodies mutated the same way. Whatever comes, the answer is never a 5xx, the history stays readable (page, API, CSV
 * export) and a recorded delivery adds exactly one play, an other answer none. The same play written in canonical
 * forms of its timestamp, or lacking UtcTimestamp, ItemId or UserId, counts once.
 *
 * <p>One app per dialect serves every try (starting one per try would take minutes); each property is written once
 * per dialect because jqwik properties are not Jupiter class templates.
 */
class WebhookFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Dialect, Server> SERVERS = new EnumMap<>(Dialect.class);
    private static final List<String> KEYS = List.of("NotificationType", "ItemType", "PlayedToCompletion", "UtcTimestamp", "Timestamp",
            "ItemId", "UserId", "Provider_tmdb", "Provider_imdb", "Name", "Year", "Overview", "NotificationUsername", "PlaybackPositionTicks");

    /** One running app, its webhook, a logged-in browser and an API token of its user. */
    private record Server(TestApp app, FakeJellyfin jellyfin, FakeUser user, FakeItem movie, FakeItem replayed, URI webhook, long userId, WebClient browser,
                          WebClient api, java.util.Set<String> playsSeen) {
        static Server start(Dialect dialect) {
            FakeJellyfin jellyfin = FakeJellyfin.start();
            FakeUser user = jellyfin.addUser("alice", "pw");
            FakeItem movie = jellyfin.addMovie("The Matrix \"Reloaded\" é", 1999).tmdb("603").imdb("tt0133093").overview("A hacker learns.");
            FakeItem replayed = jellyfin.addMovie("Replayed", 2001).tmdb("604");
            TestApp app = TestApp.start(TestDatabases.fresh(dialect));
            long userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
            URI webhook = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + app.app.jellyfinLink.webhookUrls().regenerate(userId));
            WebClient browser = app.client();
            browser.logIn("alice", "password1");
            HttpResponse<String> token = app.client().json("POST", "/api/auth/token", "{\"name\":\"alice\",\"password\":\"password1\"}");
            try {
                WebClient api = app.client().withBearer(JSON.readTree(token.body()).get("token").asText());
                return new Server(app, jellyfin, user, movie, replayed, webhook, userId, browser, api, new java.util.HashSet<>());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String payload() {
            return jellyfin.webhooks().playbackStop(user, movie, 0, true);
        }

        /** A payload of a movie only the de-duplication property plays, so the keys it expects are its own. */
        String replayedPayload() {
            return jellyfin.webhooks().playbackStop(user, replayed, 0, true);
        }

        int plays() {
            int total = 0;
            int page = 1;
            while (true) {
                var result = app.app.history.queries().page(userId, null, page, 500, SortOrder.DESC);
                total += result.entries().stream().mapToInt(e -> e.plays()).sum();
                if (result.currentPage() >= result.maxPage()) {
                    return total;
                }
                page++;
            }
        }

        /** The history as its user reads it: the page, the JSON API, the played list and the CSV export. */
        void assertReadable() {
            assertThat(browser.get("/history").statusCode()).isEqualTo(200);
            assertThat(api.get("/api/users/alice/history/movies?limit=5").statusCode()).isEqualTo(200);
            assertThat(api.get("/api/users/alice/played/movies").statusCode()).isEqualTo(200);
            app.app.history.csv().export(userId, new StringWriter());
        }

        void close() {
            app.close();
            jellyfin.close();
        }
    }

    private static synchronized Server server(Dialect dialect) {
        return SERVERS.computeIfAbsent(dialect, Server::start);
    }

    @AfterContainer
    static synchronized void stopServers() {
        SERVERS.values().forEach(Server::close);
        SERVERS.clear();
    }

    /** One change to the payload: a key set to a value, or removed (value null). */
    record Edit(String key, JsonNode value) {
    }

    @Property(tries = 60)
    void a_mutated_delivery_never_gets_a_5xx_on_sqlite(@ForAll @Size(max = 4) List<@From("edits") Edit> edits, @ForAll("cuts") int cut) {
        aMutatedDeliveryNeverBreaksAnything(Dialect.SQLITE, edits, cut);
    }

    @Property(tries = 60)
    void a_mutated_delivery_never_gets_a_5xx_on_postgresql(@ForAll @Size(max = 4) List<@From("edits") Edit> edits, @ForAll("cuts") int cut) {
        aMutatedDeliveryNeverBreaksAnything(Dialect.POSTGRESQL, edits, cut);
    }

    private static void aMutatedDeliveryNeverBreaksAnything(Dialect dialect, List<Edit> edits, int cut) {
        Server server = server(dialect);
        String body = apply(server.payload(), edits);
        if (cut > 0) {
            body = body.substring(0, Math.max(0, body.length() - cut));
        }
        int before = server.plays();
        Delivery delivery = server.jellyfin.webhooks().post(server.webhook, body);
        assertThat(delivery.status()).as(body).isLessThan(500);
        boolean recorded = delivery.status() == 200 && delivery.body().contains("\"result\":\"recorded\"");
        assertThat(server.plays() - before).as("plays added by %s answered %s", body, delivery.body()).isEqualTo(recorded ? 1 : 0);
        server.assertReadable();
    }

    @Property(tries = 25)
    void the_same_play_in_canonical_forms_counts_once_on_sqlite(@ForAll("instants") Instant ended, @ForAll @IntRange(max = 6) int dropped) {
        theSamePlayCountsOnce(Dialect.SQLITE, ended, dropped);
    }

    @Property(tries = 25)
    void the_same_play_in_canonical_forms_counts_once_on_postgresql(@ForAll("instants") Instant ended, @ForAll @IntRange(max = 6) int dropped) {
        theSamePlayCountsOnce(Dialect.POSTGRESQL, ended, dropped);
    }

    /**
     * The play ended at {@code ended}; it is sent with its UtcTimestamp written five ways (fraction digits trimmed, padded
     * to seven, {@code +00:00}, another offset, lower-case {@code z}). {@code dropped} picks what the deliveries lack:
     * 0 nothing, 1 ItemId, 2 UserId, 3 both, 4 UtcTimestamp (Timestamp is then the time), 5 both timestamps (the day of
     * receipt is), 6 all of them.
     */
    private static void theSamePlayCountsOnce(Dialect dialect, Instant ended, int dropped) {
        Server server = server(dialect);
        int before = server.plays();
        List<String> forms = canonicalForms(ended);
        int recorded = 0;
        for (String form : forms) {
            ObjectNode payload = object(server.replayedPayload());
            payload.put("UtcTimestamp", form);
            payload.put("Timestamp", ended.atOffset(ZoneOffset.ofHours(2)).toString());
            if (dropped == 1 || dropped == 3 || dropped == 6) {
                payload.remove("ItemId");
            }
            if (dropped == 2 || dropped == 3 || dropped == 6) {
                payload.remove("UserId");
            }
            if (dropped >= 4) {
                payload.remove("UtcTimestamp");
            }
            if (dropped >= 5) {
                payload.remove("Timestamp");
            }
            Delivery delivery = server.jellyfin.webhooks().post(server.webhook, payload.toString());
            assertThat(delivery.status()).as(payload.toString()).isEqualTo(200);
            String result = object(delivery.body()).get("result").asText();
            assertThat(result).isIn("recorded", "duplicate");
            recorded += result.equals("recorded") ? 1 : 0;
        }
        boolean userKnown = dropped != 2 && dropped != 3 && dropped != 6;
        String play = userKnown + "/" + (dropped >= 5 ? "the day of receipt" : ended.toString());
        int expected = server.playsSeen().add(play) ? 1 : 0;
        assertThat(recorded).as("%s written as %s, lacking %d", ended, forms, dropped).isEqualTo(expected);
        assertThat(server.plays() - before).isEqualTo(expected);
        server.assertReadable();
    }

    @Property(tries = 60)
    void a_mutated_history_api_body_never_gets_a_5xx_on_sqlite(@ForAll @Size(max = 4) List<@From("edits") Edit> edits,
            @ForAll("methods") String method, @ForAll("cuts") int cut) {
        aMutatedApiBodyNeverBreaksAnything(Dialect.SQLITE, edits, method, cut);
    }

    @Property(tries = 60)
    void a_mutated_history_api_body_never_gets_a_5xx_on_postgresql(@ForAll @Size(max = 4) List<@From("edits") Edit> edits,
            @ForAll("methods") String method, @ForAll("cuts") int cut) {
        aMutatedApiBodyNeverBreaksAnything(Dialect.POSTGRESQL, edits, method, cut);
    }

    private static void aMutatedApiBodyNeverBreaksAnything(Dialect dialect, List<Edit> edits, String method, int cut) {
        Server server = server(dialect);
        String item = "{\"tmdbId\":603,\"title\":\"The Matrix\",\"year\":1999,\"imdbId\":\"tt0133093\",\"watchedAt\":\"2026-01-03\","
                + "\"plays\":1,\"comment\":\"with Bob\",\"UtcTimestamp\":\"x\",\"Timestamp\":\"x\"}";
        String body = "[" + apply(item, edits.stream().map(WebhookFuzzTest::asApiEdit).toList()) + "]";
        if (cut > 0) {
            body = body.substring(0, Math.max(0, body.length() - cut));
        }
        HttpResponse<String> answer = server.api.json(method, "/api/users/alice/history/movies", body);
        assertThat(answer.statusCode()).as(method + " " + body + " -> " + answer.body()).isLessThan(500);
        HttpResponse<String> token = server.app.client().json("POST", "/api/auth/token", apply(
                "{\"name\":\"alice\",\"password\":\"wrong\"}", edits.stream().map(e -> new Edit(e.key().length() % 2 == 0 ? "name" : "password",
                        e.value())).toList()));
        assertThat(token.statusCode()).as(token.body()).isLessThan(500);
        server.assertReadable();
    }

    /** The webhook's keys mapped onto the API item's, so the same value generators hit the API's fields. */
    private static Edit asApiEdit(Edit edit) {
        List<String> fields = List.of("tmdbId", "movieId", "title", "year", "imdbId", "watchedAt", "plays", "comment", "overview");
        return new Edit(fields.get(Math.floorMod(edit.key().hashCode(), fields.size())), edit.value());
    }

    private static String apply(String json, List<Edit> edits) {
        ObjectNode node = object(json);
        for (Edit edit : edits) {
            if (edit.value() == null) {
                node.remove(edit.key());
            } else {
                node.set(edit.key(), edit.value());
            }
        }
        return node.toString();
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The instant written the ways Jellyfin and others write the same instant. */
    static List<String> canonicalForms(Instant instant) {
        var utc = instant.atOffset(ZoneOffset.UTC);
        String seconds = utc.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
        String fraction = String.format("%07d", instant.getNano() / 100);
        String trimmed = fraction.replaceAll("0+$", "");
        String dotTrimmed = trimmed.isEmpty() ? "" : "." + trimmed;
        var east = instant.atOffset(ZoneOffset.ofHoursMinutes(5, 30));
        return List.of(seconds + dotTrimmed + "Z", seconds + "." + fraction + "Z", seconds + dotTrimmed + "+00:00",
                east.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")) + "." + fraction + "+05:30", seconds + dotTrimmed + "z");
    }

    @Provide
    Arbitrary<Instant> instants() {
        long now = Instant.now().getEpochSecond();
        return Combinators.combine(Arbitraries.longs().between(now - 400L * 86_400, now - 86_400), Arbitraries.integers().between(0, 9_999_999))
                .as((second, ticks) -> Instant.ofEpochSecond(second, ticks * 100L));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("POST", "PUT", "DELETE");
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.just(0)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 400)));
    }

    @Provide
    Arbitrary<Edit> edits() {
        return Combinators.combine(Arbitraries.of(KEYS), values()).as(Edit::new);
    }

    private static Arbitrary<JsonNode> values() {
        return Arbitraries.oneOf(
                Arbitraries.just((JsonNode) null),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
                Arbitraries.of("PlaybackStop", "PlaybackStart", "Movie", "Episode", "True", "false", "603", "0", "-1", "tt0133093",
                        "00000000000000000000000000000000", "NaN", "").map(NODES::textNode),
                Arbitraries.integers().between(1, 1_600).map(digits -> NODES.numberNode(new BigInteger("9".repeat(digits)))),
                Arbitraries.integers().between(1, 200).map(WebhookFuzzTest::nested),
                timestamps().map(NODES::textNode));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("2026-01-03T10:00:00Z");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("UtcTimestamp", node);
        }
        return node;
    }

    /** Date-times in and out of the window, in every shape the parser knows and some it does not. */
    private static Arbitrary<String> timestamps() {
        Arbitrary<String> year = Arbitraries.of("0001", "1000", "1887", "1888", "1999", "2025", String.valueOf(java.time.Year.now().getValue()),
                String.valueOf(java.time.Year.now().getValue() + 1), "9999", "+10000", "-0001", "+999999999");
        Arbitrary<String> month = Arbitraries.of("01", "02", "06", "12", "13", "00");
        Arbitrary<String> day = Arbitraries.of("01", "15", "28", "29", "31", "32");
        Arbitrary<String> time = Arbitraries.of("T00:00:00", "T23:59:59", "T12:30", "T12:30:00.12", "T12:30:00.1200000", "T12:30:00.123456789",
                "T24:00:00", " 12:00:00", "");
        Arbitrary<String> offset = Arbitraries.of("Z", "z", "+00:00", "-18:00", "+18:00", "+14:00", "-05:30", "", "+25:00", "[Europe/Paris]",
                "+01:00[Europe/Paris]");
        return Combinators.combine(year, month, day, time, offset).as((y, m, d, t, o) -> y + "-" + m + "-" + d + t + o);
    }
}
