package app.pathary.arr.sonarr;

import java.net.http.HttpClient;
import java.time.Duration;

/** The client configuration the tests use: short timeouts. */
final class SonarrTestClients {

    private SonarrTestClients() {
    }

    static HttpSonarrClient client() {
        return client(Duration.ofSeconds(10));
    }

    static HttpSonarrClient client(Duration requestTimeout) {
        return new HttpSonarrClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), requestTimeout);
    }
}
