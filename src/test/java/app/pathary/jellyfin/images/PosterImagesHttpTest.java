package app.pathary.jellyfin.images;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.job.JobContext;
import app.pathary.movie.NewMovie;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /img/{kind}/{id}}: posters come from Jellyfin once and then from the cache, only to people who may see the
 * film, never with Jellyfin's address or key in the answer, and a failed read shows the placeholder without
 * keeping it.
 */
@BothDialects
class PosterImagesHttpTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603");
    private final FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949").withoutPoster();
    private final String apiKey = jellyfin.addApiKey();
    private TestApp app;
    private WebClient alice;
    private WebClient bob;
    private long matrixId;
    private long heatId;

    private void start(Dialect dialect) throws Exception {
        jellyfin.addUser("alice", "jf-password");
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(),
                Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", apiKey));
        long aliceId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        app.app.users.accounts().create("bob@example.org", "password1", "bob", false);
        app.app.jellyfinLink.login().saveServerUrl(aliceId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(aliceId, "alice", "jf-password");
        app.app.jellyfinSync.importNow(aliceId, JobContext.NONE);
        for (var movie : List.of(new NewMovie(603, null, "The Matrix", 1999, null), new NewMovie(949, null, "Heat", 1995, null))) {
            app.app.history.history().apply(aliceId, new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(movie),
                    LocalDate.of(2025, 3, 1), 1, null), Source.PAGE);
        }
        matrixId = app.app.movies.queries().byTmdbId(603).orElseThrow().id();
        heatId = app.app.movies.queries().byTmdbId(949).orElseThrow().id();
        alice = app.client();
        alice.logIn("alice", "password1");
        bob = app.client();
        bob.logIn("bob", "password1");
        jellyfin.clearRequests();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        jellyfin.close();
    }

    private long imageReads(FakeItem item) {
        return jellyfin.requestCount("GET", "/Items/" + item.id() + "/Images/Primary");
    }

    @Test
    void many_requests_for_one_poster_read_jellyfin_once_and_a_known_etag_gets_304(Dialect dialect) throws Exception {
        start(dialect);
        HttpResponse<String> first = alice.get("/img/movie/" + matrixId);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(first.body()).startsWith("\uFFFDPNG");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("private", "max-age=");

        List<Future<HttpResponse<String>>> together = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                together.add(pool.submit(() -> alice.get("/img/movie/" + matrixId)));
            }
        }
        for (var answer : together) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
            assertThat(answer.get().headers().firstValue("ETag")).hasValue(etag);
        }
        HttpResponse<String> again = alice.getWithHeaders("/img/movie/" + matrixId, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        assertThat(imageReads(matrix)).as("one read of Jellyfin for 18 requests").isEqualTo(1);
        assertThat(jellyfin.requests().getFirst().query()).contains("maxWidth=320");
    }

    @Test
    void a_user_gets_404_for_a_film_outside_their_history_and_library_and_jellyfin_is_not_asked(Dialect dialect) throws Exception {
        start(dialect);
        assertThat(alice.get("/img/movie/" + matrixId).statusCode()).isEqualTo(200);
        jellyfin.clearRequests();

        assertThat(bob.get("/img/movie/" + matrixId).statusCode()).isEqualTo(404);
        assertThat(bob.get("/img/item/" + matrix.id()).statusCode()).isEqualTo(404);
        assertThat(bob.get("/img/movie/999999").statusCode()).isEqualTo(404);
        assertThat(app.client().get("/img/movie/" + matrixId).statusCode()).as("not logged in").isIn(302, 401);

        assertThat(jellyfin.requests()).as("the cached poster is not handed out, and nothing is asked").isEmpty();
        assertThat(alice.get("/img/item/" + matrix.id()).statusCode()).as("alice's library holds the item").isEqualTo(200);
    }

    @Test
    void no_answer_carries_the_jellyfin_address_or_key(Dialect dialect) throws Exception {
        start(dialect);
        String address = jellyfin.baseUrl().getHost() + ":" + jellyfin.baseUrl().getPort();
        List<HttpResponse<String>> answers = List.of(alice.get("/img/movie/" + matrixId), alice.get("/img/movie/" + heatId),
                alice.get("/img/item/" + matrix.id() + "?w=160"), alice.get("/history"), alice.get("/movies/" + matrixId),
                alice.get("/add/search?title=matr"), alice.get("/"), bob.get("/img/movie/" + matrixId), alice.get("/img/movie/" + matrixId + "?w=7"));
        for (HttpResponse<String> answer : answers) {
            String everything = answer.headers().map() + answer.body();
            assertThat(everything).as(answer.uri().toString()).doesNotContain(address).doesNotContain(apiKey);
        }
        assertThat(answers.get(3).body()).contains("/img/movie/" + matrixId);
        assertThat(answers.get(8).statusCode()).isEqualTo(400);
        assertThat(answers.get(8).body()).contains("w must be one of 160, 320 or 480");
    }

    @Test
    void a_film_jellyfin_has_no_poster_for_shows_the_placeholder(Dialect dialect) throws Exception {
        start(dialect);
        HttpResponse<String> answer = alice.get("/img/movie/" + heatId);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(answer.body()).contains("No poster");
        assertThat(imageReads(heat)).isEqualTo(1);
    }

    @Test
    void a_failed_read_answers_the_placeholder_uncached_and_the_next_request_reads_again(Dialect dialect) throws Exception {
        start(dialect);
        jellyfin.failNext(3, FakeJellyfin.Fault.SERVER_ERROR);

        HttpResponse<String> failed = alice.get("/img/movie/" + matrixId);

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(failed.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(failed.headers().firstValue("ETag")).isEmpty();

        HttpResponse<String> later = alice.get("/img/movie/" + matrixId);
        assertThat(later.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(imageReads(matrix)).as("three failed tries, then one good read").isEqualTo(4);
        assertThat(alice.get("/img/movie/" + matrixId).headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(imageReads(matrix)).isEqualTo(4);
    }

    @Test
    void an_html_page_instead_of_a_picture_is_a_failure_not_a_poster(Dialect dialect) throws Exception {
        start(dialect);
        jellyfin.failNext(3, FakeJellyfin.Fault.HTML_PAGE);
        HttpResponse<String> answer = alice.get("/img/movie/" + matrixId);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.body()).doesNotContain("sign in");
    }
}
