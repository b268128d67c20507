package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JellyfinUrlTest {

    @Test
    void keepsTheBasePathOfTheServer() {
        assertThat(JellyfinUrl.of(URI.create("https://media.example/jellyfin"), "/System/Info", List.of()))
                .isEqualTo(URI.create("https://media.example/jellyfin/System/Info"));
    }

    @Test
    void ignoresTrailingSlashesOnTheBaseUrl() {
        assertThat(JellyfinUrl.of(URI.create("http://nas:8096/jellyfin//"), "/Items", List.of()))
                .hasToString("http://nas:8096/jellyfin/Items");
        assertThat(JellyfinUrl.of(URI.create("http://nas:8096/"), "/Items", List.of()))
                .hasToString("http://nas:8096/Items");
    }

    @Test
    void addsTheSlashBeforeARouteWrittenWithoutOne() {
        assertThat(JellyfinUrl.of(URI.create("http://nas:8096"), "Items", List.of())).hasToString("http://nas:8096/Items");
    }

    @Test
    void encodesQueryValuesKeepingTheOrderGiven() {
        URI uri = JellyfinUrl.of(URI.create("http://nas:8096"), "/Items", List.of(
                Map.entry("searchTerm", "Tom & Jerry: 100% + more"),
                Map.entry("includeItemTypes", "Movie,Episode"),
                Map.entry("datePlayed", "2024-01-31T20:30:00Z")));

        assertThat(uri.getRawQuery()).isEqualTo(
                "searchTerm=Tom%20%26%20Jerry%3A%20100%25%20%2B%20more&includeItemTypes=Movie%2CEpisode"
                        + "&datePlayed=2024-01-31T20%3A30%3A00Z");
        assertThat(uri.getQuery()).isEqualTo(
                "searchTerm=Tom & Jerry: 100% + more&includeItemTypes=Movie,Episode&datePlayed=2024-01-31T20:30:00Z");
    }

    @Test
    void encodesPathSegmentsSoAnIdCannotEscapeItsRoute() {
        assertThat(JellyfinUrl.encode("../System/Info?x=1")).isEqualTo("..%2FSystem%2FInfo%3Fx%3D1");
    }
}
