package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.jellyfin.client.JellyfinException.NotJellyfin.Problem;
import app.pathary.jellyfin.client.JellyfinException.Unreachable.Reason;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.UserDto;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reads that fail for a passing reason are tried again; answers that are not Jellyfin's JSON and writes are not. */
class HttpJellyfinClientRetriesTest {

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final HttpJellyfinClient client = JellyfinTestClients.retrying(3);
    private final FakeUser alice = jellyfin.addAdmin("alice", "pw");
    private final FakeItem heat = jellyfin.addMovie("Heat", 1995);
    private final JellyfinServer server = JellyfinServer.anonymous(jellyfin.baseUrl()).withToken(jellyfin.addApiKey());
    private final ItemQuery movies = ItemQuery.builder().userId(alice.id()).includeItemTypes(BaseItemKind.Movie).recursive(true).build();

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @ParameterizedTest
    @EnumSource(value = FakeJellyfin.Fault.class, names = {"SERVER_ERROR", "BAD_GATEWAY", "STARTING_UP", "CUT_OFF", "STALL"})
    void aReadThatFailsOnceForAPassingReasonIsTriedAgainAndSucceeds(FakeJellyfin.Fault fault) {
        jellyfin.failNext(1, fault);

        assertThat(client.items(server, movies).items()).extracting(BaseItemDto::name).containsExactly("Heat");
        assertThat(jellyfin.requestCount("GET", "/Items")).as("the failed attempt and the retry").isEqualTo(2);
    }

    @Test
    void aPersistentServerErrorFailsAfterThreeAttempts() {
        jellyfin.failNext(3, FakeJellyfin.Fault.SERVER_ERROR);

        assertThatThrownBy(() -> client.users(server))
                .isInstanceOfSatisfying(JellyfinException.UnexpectedStatus.class, e -> {
                    assertThat(e.userMessage()).isEqualTo("Jellyfin answered HTTP 500");
                    assertThat(e.request()).isEqualTo("GET /Users");
                });
        assertThat(jellyfin.requestCount("GET", "/Users")).isEqualTo(3);
        assertThat(client.users(server)).as("no fourth attempt took the next answer").extracting(UserDto::name).containsExactly("alice");
    }

    @Test
    void aConnectionDroppedEveryTimeFailsAsClosedByTheServer() {
        jellyfin.failNext(20, FakeJellyfin.Fault.DROP_CONNECTION);

        assertThatThrownBy(() -> client.users(server))
                .isInstanceOfSatisfying(JellyfinException.Unreachable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONNECTION_CLOSED);
                    assertThat(e.userMessage()).isEqualTo("connection closed by the server");
                });
        assertThat(jellyfin.requestCount("GET", "/Users")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anHtmlPageFromAProxyIsNotJellyfinAndNotTriedAgain() {
        jellyfin.failNext(1, FakeJellyfin.Fault.HTML_PAGE);

        assertThatThrownBy(() -> client.items(server, movies))
                .isInstanceOfSatisfying(JellyfinException.NotJellyfin.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.HTML_PAGE);
                    assertThat(e.userMessage()).isEqualTo("the server does not look like Jellyfin: it answered with an HTML page "
                            + "(a proxy or sign-in page?); check the URL and base path");
                });
        assertThat(jellyfin.requestCount("GET", "/Items")).isEqualTo(1);
    }

    @Test
    void truncatedJsonIsNotJellyfinWithItsOwnSentence() {
        jellyfin.failNext(1, FakeJellyfin.Fault.TRUNCATED_JSON);

        assertThatThrownBy(() -> client.items(server, movies))
                .isInstanceOfSatisfying(JellyfinException.NotJellyfin.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MALFORMED_JSON);
                    assertThat(e.userMessage()).isEqualTo("Jellyfin sent JSON that is cut off or malformed");
                    assertThat(e).hasNoCause();
                });
        assertThat(jellyfin.requestCount("GET", "/Items")).isEqualTo(1);
    }

    @Test
    void jsonOfAnotherShapeIsNotJellyfin() {
        jellyfin.failNext(2, FakeJellyfin.Fault.WRONG_SHAPE);

        assertThatThrownBy(() -> client.users(server)).as("an object where the list of users is due")
                .isInstanceOfSatisfying(JellyfinException.NotJellyfin.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNEXPECTED_SHAPE));
        assertThatThrownBy(() -> client.items(server, movies)).as("Items an object, the count a word")
                .isInstanceOfSatisfying(JellyfinException.NotJellyfin.class, e -> assertThat(e).hasMessageContaining("unexpected JSON shape"));
    }

    @Test
    void noBodyWhereDataIsDueIsNotJellyfin() {
        jellyfin.failNext(2, FakeJellyfin.Fault.EMPTY_BODY);

        assertThatThrownBy(() -> client.users(server))
                .isInstanceOfSatisfying(JellyfinException.NotJellyfin.class, e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY));
        assertThatThrownBy(() -> client.items(server, movies))
                .isInstanceOfSatisfying(JellyfinException.NotJellyfin.class,
                        e -> assertThat(e.userMessage()).isEqualTo("Jellyfin sent an empty answer where data was due"));
    }

    @Test
    void aWriteThatFailsIsSentOnce() {
        jellyfin.failNext(1, FakeJellyfin.Fault.SERVER_ERROR);

        assertThatThrownBy(() -> client.markPlayed(server, alice.id(), heat.id(), Instant.parse("2025-01-01T20:00:00Z")))
                .isInstanceOf(JellyfinException.UnexpectedStatus.class);
        assertThat(jellyfin.requestCount("POST", "/UserPlayedItems/" + heat.id())).isEqualTo(1);
        assertThat(jellyfin.userData(alice, heat).played()).isFalse();
    }
}
