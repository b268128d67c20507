package app.pathary.seerr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.RetryPolicy;
import app.pathary.testing.FakeSeerr;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Seerr client against FakeSeerr over HTTP: paging, per-title media, deletes, and failures that never read as "nothing". */
class HttpSeerrClientTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final FakeSeerr fake = FakeSeerr.start();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final HttpSeerrClient client = new HttpSeerrClient(HttpClient.newHttpClient(), Duration.ofSeconds(5),
            new RetryPolicy(2, Duration.ofMillis(10)), (system, reason) -> failures.add(system + ":" + reason));
    private final SeerrServer server = new SeerrServer(fake.baseUrl(), fake.apiKey());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void requests_since_a_date_are_paged_through_for_movies_and_series_and_stop_at_older_ones() {
        for (int i = 0; i < HttpSeerrClient.PAGE + 20; i++) {
            fake.request("movie", 1000 + i, "dana", NOW.minus(Duration.ofHours(i)));
        }
        fake.request("tv", 1399, "erik", NOW.minus(Duration.ofDays(2)));
        fake.request("tv", 1400, "erik", NOW.minus(Duration.ofDays(200)));

        List<SeerrRequest> recent = client.requestsSince(server, NOW.minus(Duration.ofDays(30)));

        assertThat(recent).hasSize(HttpSeerrClient.PAGE + 21);
        assertThat(recent).filteredOn(r -> r.mediaType().equals("tv")).extracting(SeerrRequest::tmdbId).containsExactly(1399);
        assertThat(recent.getFirst().requestedBy()).isEqualTo("dana");
        assertThat(fake.log).anyMatch(line -> line.contains("skip=100") && line.contains("mediaType=movie"));
    }

    @Test
    void a_title_gives_its_media_id_and_requests_and_a_title_seerr_does_not_hold_gives_nothing() {
        var held = fake.request("movie", 949, "dana", NOW);

        SeerrMedia media = client.media(server, "movie", 949).orElseThrow();
        assertThat(media.id()).isEqualTo(held.id());
        assertThat(media.requests()).extracting(SeerrRequest::requestedBy).containsExactly("dana");
        assertThat(client.media(server, "movie", 348)).isEmpty();

        client.deleteMedia(server, media.id());
        assertThat(fake.holds("movie", 949)).isFalse();
    }

    @Test
    void a_wrong_key_or_a_failing_seerr_is_an_error_never_an_empty_answer() {
        SeerrServer wrong = new SeerrServer(fake.baseUrl(), "nope");
        assertThatThrownBy(() -> client.requestsSince(wrong, NOW)).isInstanceOf(SeerrException.class)
                .hasMessage("Seerr refused the API key (HTTP 403)");

        fake.failNext(2, 502);
        assertThatThrownBy(() -> client.media(server, "movie", 949)).isInstanceOf(SeerrException.class)
                .hasMessage("Seerr answered GET /movie/949 with HTTP 502");
        fake.failNext(1, 502);
        assertThat(client.media(server, "movie", 949)).as("one failure is retried").isEmpty();
        assertThat(failures).contains("seerr:unauthorized", "seerr:status_5xx");
    }
}
