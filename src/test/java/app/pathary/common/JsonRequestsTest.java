package app.pathary.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request every transport starts from, before it adds its credentials. */
class JsonRequestsTest {

    private static final URI URL = URI.create("http://nas:8096/jellyfin/Items?limit=3");

    @Test
    void aReadAsksForJsonWithinTheTimeoutAndSendsNoBody() {
        HttpRequest request = JsonRequests.builder(URL, "GET", null, Duration.ofSeconds(7)).build();

        assertThat(request.uri()).isEqualTo(URL);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.timeout()).contains(Duration.ofSeconds(7));
        assertThat(request.headers().firstValue("Accept")).contains("application/json");
        assertThat(request.headers().firstValue("Content-Type")).isEmpty();
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isZero();
    }

    @Test
    void aBodyIsSentAsJsonWithTheMethodGiven() {
        HttpRequest request = JsonRequests.builder(URL, "PUT", "{\"monitored\":false}", Duration.ofSeconds(5))
                .header("X-Api-Key", "k").build();

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isEqualTo(19);
        assertThat(request.headers().firstValue("X-Api-Key")).contains("k");
    }
}
