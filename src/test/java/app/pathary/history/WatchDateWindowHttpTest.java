package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One window for every watch date, whatever brings it: 1888-01-01 to tomorrow in TIMEZONE. Here the clock says
 * 2026-01-10 12:00 UTC and TIMEZONE is Pacific/Kiritimati (UTC+14), where it is already 2026-01-11, so the last date
 * accepted is 2026-01-12. A date outside is a 400 naming the field, and nothing is stored.
 */
@BothDialects
class WatchDateWindowHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/users/alice/history/movies";
    private static final List<String> OUTSIDE = List.of("+10000-01-01", "-0001-01-01", "10000-01-01", "1887-12-31", "2026-01-13",
            "9999-12-31", "0000-01-01");
    private final Dialect dialect;
    private TestApp app;
    private WebClient alice;
    private long aliceId;

    WatchDateWindowHttpTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private void start() throws Exception {
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC),
                Map.of("TIMEZONE", "Pacific/Kiritimati"));
        aliceId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        HttpResponse<String> token = app.client().json("POST", "/api/auth/token", "{\"name\":\"alice\",\"password\":\"password1\"}");
        alice = app.client().withBearer(JSON.readTree(token.body()).get("token").asText());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private int storedDates() {
        return app.app.history.queries().page(aliceId, null, 1, 100, HistoryQueries.SortOrder.DESC).entries().size();
    }

    /** The history as its user sees it: the page, the API, the CSV export and the played list all answer. */
    private void historyIsReadable() throws Exception {
        WebClient browser = app.client();
        browser.logIn("alice", "password1");
        assertThat(browser.get("/history").statusCode()).isEqualTo(200);
        assertThat(alice.get(PATH).statusCode()).isEqualTo(200);
        assertThat(alice.get("/api/users/alice/played/movies").statusCode()).isEqualTo(200);
        app.app.history.csv().export(aliceId, new StringWriter());
    }

    @Test
    void the_json_api_refuses_dates_outside_the_window_naming_the_item_and_field() throws Exception {
        start();
        for (String date : OUTSIDE) {
            for (String method : List.of("POST", "PUT")) {
                HttpResponse<String> answer = alice.json(method, PATH,
                        "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-01\"},{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"" + date + "\"}]");
                assertThat(answer.statusCode()).as(method + " " + date).isEqualTo(400);
                assertThat(JSON.readTree(answer.body()).get("error").asText()).as(date).startsWith("item 1: watchedAt must be a date");
            }
        }
        assertThat(storedDates()).isZero();
        assertThat(alice.json("POST", PATH, "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"1888-01-01\"},"
                + "{\"tmdbId\":603,\"watchedAt\":\"2026-01-12\"},{\"tmdbId\":603,\"watchedAt\":null}]").statusCode()).isEqualTo(204);
        assertThat(storedDates()).isEqualTo(3);
        historyIsReadable();
    }

    @Test
    void the_form_refuses_dates_outside_the_window_with_a_sentence_and_stores_nothing() throws Exception {
        start();
        WebClient browser = app.client();
        browser.logIn("alice", "password1");
        for (String date : OUTSIDE) {
            HttpResponse<String> answer = browser.submit("/add", "/add", Map.of("tmdbId", "603", "title", "The Matrix", "watchedAt", date));
            assertThat(answer.statusCode()).isLessThan(500);
            assertThat(browser.get("/add").body()).as(date).contains("The date must be a");
        }
        assertThat(storedDates()).isZero();
        browser.submit("/add", "/add", Map.of("tmdbId", "603", "title", "The Matrix", "watchedAt", "2026-01-12"));
        long movieId = app.app.movies.queries().byTmdbId(603).orElseThrow().id();
        browser.submit("/movies/" + movieId, "/movies/" + movieId + "/dates/set", Map.of("watchedAt", "+10000-01-01", "plays", "2"));
        assertThat(browser.get("/movies/" + movieId).body()).contains("The date must be a");
        assertThat(storedDates()).isEqualTo(1);
        historyIsReadable();
    }

    @Test
    void a_csv_import_refuses_the_whole_file_naming_the_line() throws Exception {
        start();
        String csv = "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,,The Matrix,1999,2026-01-03,1,\n604,,X,1999,+10000-01-01,1,\n";
        var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> app.app.history.csv().importFrom(aliceId,
                new java.io.StringReader(csv), HistoryChange.Source.CSV_IMPORT));
        assertThat(thrown).hasMessageStartingWith("Line 3: watchedAt must be a date").hasMessageContaining("Nothing from the file was imported");
        assertThat(storedDates()).isZero();
    }

    @Test
    void a_webhook_timestamp_outside_the_window_is_refused_naming_the_field() throws Exception {
        start();
        try (FakeJellyfin jellyfin = FakeJellyfin.start()) {
            jellyfin.useClock(Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC));
            FakeUser user = jellyfin.addUser("alice", "pw");
            FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603");
            URI webhook = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + app.app.jellyfinLink.webhookUrls().regenerate(aliceId));
            for (String timestamp : List.of("9999-12-31T23:59:59-18:00", "+10000-01-01T00:00:00Z", "1887-12-31T12:00:00Z",
                    "2026-01-12T10:00:01Z", "0002-01-01T00:00:00Z")) {
                ObjectNode payload = (ObjectNode) JSON.readTree(jellyfin.webhooks().playbackStop(user, matrix, 0, true));
                payload.put("UtcTimestamp", timestamp);
                var delivery = jellyfin.webhooks().post(webhook, JSON.writeValueAsString(payload));
                assertThat(delivery.status()).as(timestamp).isEqualTo(400);
                assertThat(JSON.readTree(delivery.body()).get("error").asText()).startsWith("UtcTimestamp must be a date from 1888-01-01 to 2026-01-12");
            }
            assertThat(app.app.scrobble.deliveries().latest(aliceId, 10)).hasSize(5).allMatch(d -> d.result().equals("rejected"));
            ObjectNode lastMoment = (ObjectNode) JSON.readTree(jellyfin.webhooks().playbackStop(user, matrix, 0, true));
            lastMoment.put("UtcTimestamp", "2026-01-12T09:59:59Z");
            JsonNode recorded = JSON.readTree(jellyfin.webhooks().post(webhook, JSON.writeValueAsString(lastMoment)).body());
            assertThat(recorded.get("watchedAt").asText()).as("23:59:59 in Kiritimati").isEqualTo("2026-01-12");
            ObjectNode none = (ObjectNode) JSON.readTree(jellyfin.webhooks().playbackStop(user, matrix, 0, true));
            none.put("UtcTimestamp", "-0001-06-01T00:00:00Z");
            JsonNode fromTimestamp = JSON.readTree(jellyfin.webhooks().post(webhook, JSON.writeValueAsString(none)).body());
            assertThat(fromTimestamp.get("watchedAt").asText()).as("before year 2 is Jellyfin's 'none'; Timestamp is used").isEqualTo("2026-01-11");
            assertThat(fromTimestamp.get("note").asText()).isEqualTo("UtcTimestamp '-0001-06-01T00:00:00Z' is not a usable date-time; Timestamp was used.");
        }
        assertThat(storedDates()).isEqualTo(2);
        historyIsReadable();
    }

    @Test
    void dates_stored_before_the_window_existed_are_read_without_breaking_any_page() throws Exception {
        start();
        alice.json("POST", PATH, "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-03\"},"
                + "{\"tmdbId\":604,\"title\":\"The Matrix Reloaded\",\"watchedAt\":\"2026-01-04\"},"
                + "{\"tmdbId\":605,\"title\":\"The Matrix Revolutions\",\"watchedAt\":\"2026-01-05\"}]");
        app.app.database.jdbi().useHandle(h -> {
            if (dialect == Dialect.SQLITE) {
                h.execute("UPDATE watch_dates SET watched_at = '+10000-01-01' WHERE watched_at = '2026-01-03'");
                h.execute("UPDATE watch_dates SET watched_at = '-0001-01-01' WHERE watched_at = '2026-01-04'");
                h.execute("UPDATE watch_dates SET watched_at = 'not a date' WHERE watched_at = '2026-01-05'");
            } else {
                h.execute("UPDATE watch_dates SET watched_at = DATE '10000-01-01' WHERE watched_at = DATE '2026-01-03'");
                h.execute("UPDATE watch_dates SET watched_at = DATE '0002-01-01 BC' WHERE watched_at = DATE '2026-01-04'");
                h.execute("UPDATE watch_dates SET watched_at = 'infinity' WHERE watched_at = DATE '2026-01-05'");
            }
        });
        historyIsReadable();
        long movieId = app.app.movies.queries().byTmdbId(603).orElseThrow().id();
        WebClient browser = app.client();
        browser.logIn("alice", "password1");
        assertThat(browser.get("/movies/" + movieId).statusCode()).isEqualTo(200);
        assertThat(browser.get("/").statusCode()).as("the dashboard").isEqualTo(200);
        assertThat(browser.get("/year/2026").statusCode()).as("the year in review").isEqualTo(200);
        assertThat(browser.get("/history?view=grid").statusCode()).as("the poster grid").isEqualTo(200);
        assertThat(app.app.history.queries().latestDatesByTmdbId(aliceId)).isNotNull();
    }
}
