package app.pathary.arr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request a call becomes, before anything is sent. */
class ArrRequestsTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private final ArrInstance instance = new ArrInstance("4k", URI.create("http://nas:7878/radarr"), KEY);

    @Test
    void theKeyTravelsOnlyInTheXApiKeyHeader() {
        HttpRequest request = ArrRequests.build(instance, ArrCall.get("/api/v3/movie").param("excludeLocalCovers", true),
                Duration.ofSeconds(5));

        assertThat(request.headers().firstValue("X-Api-Key")).contains(KEY);
        assertThat(request.uri()).hasToString("http://nas:7878/radarr/api/v3/movie?excludeLocalCovers=true");
        assertThat(request.uri().toString()).doesNotContain(KEY).doesNotContainIgnoringCase("apikey");
        assertThat(request.headers().firstValue("Authorization")).isEmpty();
    }

    @Test
    void everyRequestAsksForJsonAndCarriesTheTimeout() {
        HttpRequest request = ArrRequests.build(instance, ArrCall.delete("/api/v3/moviefile/3"), Duration.ofSeconds(7));

        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.headers().firstValue("Accept")).contains("application/json");
        assertThat(request.timeout()).contains(Duration.ofSeconds(7));
        assertThat(request.headers().firstValue("Content-Type")).isEmpty();
    }

    @Test
    void aBodyIsSentAsJson() {
        HttpRequest request = ArrRequests.build(instance, ArrCall.put("/api/v3/episode/monitor").body("{\"monitored\":false}"),
                Duration.ofSeconds(5));

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isEqualTo(19);
    }

    @Test
    void aCallDescribesItselfWithoutQueryOrBody() {
        ArrCall call = ArrCall.delete("/api/v3/movie/7").param("deleteFiles", true).param("skipped", null).body("{}");

        assertThat(call.describe()).isEqualTo("DELETE /api/v3/movie/7");
        assertThat(call).hasToString("DELETE /api/v3/movie/7");
        assertThat(call.query()).hasSize(1);
    }
}
