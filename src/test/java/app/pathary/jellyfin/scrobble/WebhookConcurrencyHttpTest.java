package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.PlayedMovie;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Eight different plays of a movie Pathary has never seen, delivered by the webhook at the same moment (as when a
 * household finishes the same film on several devices, or Jellyfin flushes a backlog): all are answered 2xx and
 * counted, on one movie and one watch date.
 */
@BothDialects
class WebhookConcurrencyHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DELIVERIES = 8;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "pw");
    private final FakeItem dune = jellyfin.addMovie("Dune", 2021).tmdb("438631").imdb("tt1160419");
    private final ExecutorService senders = Executors.newFixedThreadPool(DELIVERIES);
    private TestApp app;

    @AfterEach
    void stop() {
        senders.shutdownNow();
        app.close();
        jellyfin.close();
    }

    @Test
    void eight_simultaneous_first_plays_of_an_unknown_movie_give_one_movie_and_one_date_with_eight_plays(Dialect dialect)
            throws Exception {
        jellyfin.useClock(Clock.fixed(Instant.parse("2026-01-03T20:00:00Z"), ZoneOffset.UTC));
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("TIMEZONE", "UTC"));
        long userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        URI webhook = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + app.app.jellyfinLink.webhookUrls().regenerate(userId));
        String payload = jellyfin.webhooks().playbackStop(alice, dune, 0, true);

        CyclicBarrier start = new CyclicBarrier(DELIVERIES);
        List<Future<Delivery>> answers = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            // A different end of playback each time, all on the same day: eight plays, not one delivery repeated.
            String play = withUtcTimestamp(payload, "2026-01-03T20:0" + i + ":00.0000000Z");
            answers.add(senders.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return jellyfin.webhooks().post(webhook, play);
            }));
        }
        List<Long> movieIds = new ArrayList<>();
        for (Future<Delivery> answer : answers) {
            Delivery delivery = answer.get(60, TimeUnit.SECONDS);
            assertThat(delivery.status()).as(delivery.body()).isBetween(200, 299);
            JsonNode body = JSON.readTree(delivery.body());
            assertThat(body.get("result").asText()).isEqualTo("recorded");
            assertThat(body.get("watchedAt").asText()).isEqualTo("2026-01-03");
            movieIds.add(body.get("movie").get("id").asLong());
        }

        assertThat(movieIds).as("every delivery names the same movie").containsOnly(movieIds.getFirst());
        int movies = app.app.database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM movies WHERE tmdb_id = 438631")
                .mapTo(Integer.class).one());
        assertThat(movies).isEqualTo(1);
        assertThat(app.app.history.queries().datesOf(userId, movieIds.getFirst()))
                .containsExactly(new PlayedMovie.DateEntry(LocalDate.of(2026, 1, 3), DELIVERIES, null));
        assertThat(app.app.scrobble.deliveries().latest(userId, 20)).hasSize(DELIVERIES).allMatch(d -> d.result().equals("recorded"));
    }

    private static String withUtcTimestamp(String payload, String timestamp) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(payload);
        node.put("UtcTimestamp", timestamp);
        return JSON.writeValueAsString(node);
    }
}
