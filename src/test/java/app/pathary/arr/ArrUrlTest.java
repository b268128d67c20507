package app.pathary.arr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrUrlTest {

    @Test
    void keepsTheUrlBaseOfTheInstance() {
        assertThat(ArrUrl.of(URI.create("https://nas.example/radarr"), "/api/v3/movie", List.of()))
                .isEqualTo(URI.create("https://nas.example/radarr/api/v3/movie"));
    }

    @Test
    void ignoresTrailingSlashesOnTheBaseUrl() {
        assertThat(ArrUrl.of(URI.create("http://nas:7878/radarr//"), "/api/v3/tag", List.of()))
                .hasToString("http://nas:7878/radarr/api/v3/tag");
        assertThat(ArrUrl.of(URI.create("http://nas:8989/"), "/api/v3/tag", List.of())).hasToString("http://nas:8989/api/v3/tag");
    }

    @Test
    void addsTheSlashBeforeARouteWrittenWithoutOne() {
        assertThat(ArrUrl.of(URI.create("http://nas:7878"), "api/v3/tag", List.of())).hasToString("http://nas:7878/api/v3/tag");
    }

    @Test
    void writesQueryParametersInOrderAndEncoded() {
        URI uri = ArrUrl.of(URI.create("http://nas:7878"), "/api/v3/movie/7", List.of(
                Map.entry("deleteFiles", "true"), Map.entry("addImportExclusion", "false"), Map.entry("odd name", "a&b=c/d")));

        assertThat(uri.getRawQuery()).isEqualTo("deleteFiles=true&addImportExclusion=false&odd%20name=a%26b%3Dc%2Fd");
    }

    @Test
    void encodesEverythingButUnreservedCharacters() {
        assertThat(ArrUrl.encode("Tom & Jerry: 100% ~ok_-.")).isEqualTo("Tom%20%26%20Jerry%3A%20100%25%20~ok_-.");
        assertThat(ArrUrl.encode("é")).isEqualTo("%C3%A9");
    }
}
