package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code primaryImage}: a poster's bytes and type, nothing for an item without one, and an HTML page is no picture. */
class HttpJellyfinClientImageTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start("/jellyfin");
    private final FakeItem matrix = jellyfin.addMovie("The Matrix", 1999);
    private final JellyfinServer server = new JellyfinServer(jellyfin.baseUrl(), jellyfin.addApiKey());

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @Test
    void a_poster_comes_with_its_type_at_the_width_asked_for_and_the_request_carries_the_token_in_the_header() {
        ImageData image = JellyfinTestClients.client().primaryImage(server, matrix.id(), 160).orElseThrow();

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.bytes()).startsWith(0x89, 'P', 'N', 'G');
        FakeRequest request = jellyfin.requests().getLast();
        assertThat(request.path()).isEqualTo("/jellyfin/Items/" + matrix.id() + "/Images/Primary");
        assertThat(request.query()).isEqualTo("maxWidth=160");
        assertThat(request.header("Authorization")).contains("Token=\"" + server.token() + "\"");
    }

    @Test
    void an_item_without_a_poster_and_an_unknown_item_have_none() {
        FakeItem bare = jellyfin.addMovie("Heat", 1995).withoutPoster();
        assertThat(JellyfinTestClients.client().primaryImage(server, bare.id(), 320)).isEmpty();
        assertThat(JellyfinTestClients.client().primaryImage(server, "0123456789abcdef0123456789abcdef", 320)).isEmpty();
    }

    @Test
    void an_html_page_or_a_server_error_is_a_failure_not_a_picture() {
        jellyfin.failNext(1, FakeJellyfin.Fault.HTML_PAGE);
        assertThatThrownBy(() -> JellyfinTestClients.client().primaryImage(server, matrix.id(), 320))
                .isInstanceOf(JellyfinException.NotJellyfin.class).hasMessageContaining("text/html");
        jellyfin.failNext(5, FakeJellyfin.Fault.SERVER_ERROR);
        assertThatThrownBy(() -> JellyfinTestClients.client().primaryImage(server, matrix.id(), 320))
                .isInstanceOf(JellyfinException.UnexpectedStatus.class);
    }
}
