package app.pathary.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one URL builder of the Jellyfin and *arr transports (was JellyfinUrlTest and ArrUrlTest, assertions kept). */
class RequestUrlTest {

    @Test
    void keepsTheBasePathOfTheServer() {
        assertThat(RequestUrl.of(URI.create("https://media.example/jellyfin"), "/System/Info", List.of()))
                .isEqualTo(URI.create("https://media.example/jellyfin/System/Info"));
        assertThat(RequestUrl.of(URI.create("https://nas.example/radarr"), "/api/v3/movie", List.of()))
                .isEqualTo(URI.create("https://nas.example/radarr/api/v3/movie"));
    }

    @Test
    void ignoresTrailingSlashesOnTheBaseUrl() {
        assertThat(RequestUrl.of(URI.create("http://nas:8096/jellyfin//"), "/Items", List.of()))
                .hasToString("http://nas:8096/jellyfin/Items");
        assertThat(RequestUrl.of(URI.create("http://nas:8096/"), "/Items", List.of()))
                .hasToString("http://nas:8096/Items");
        assertThat(RequestUrl.of(URI.create("http://nas:7878/radarr//"), "/api/v3/tag", List.of()))
                .hasToString("http://nas:7878/radarr/api/v3/tag");
        assertThat(RequestUrl.of(URI.create("http://nas:8989/"), "/api/v3/tag", List.of())).hasToString("http://nas:8989/api/v3/tag");
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "http://nas:8096/jellyfin, /Items, http://nas:8096/jellyfin/Items",
            "http://nas:8096/jellyfin/, /Items, http://nas:8096/jellyfin/Items",
            "http://nas:8096/jellyfin/, Items, http://nas:8096/jellyfin/Items",
            "http://nas:8096, /Items, http://nas:8096/Items",
            "http://nas:8096/, Items, http://nas:8096/Items",
            "https://home.example/media/jellyfin/, /UserItems/abc/UserData, https://home.example/media/jellyfin/UserItems/abc/UserData",
    })
    void aBasePathWithOrWithoutTrailingSlashGivesTheSameUrl(String base, String route, String expected) {
        assertThat(RequestUrl.of(URI.create(base), route, List.of())).hasToString(expected);
    }

    @Test
    void addsTheSlashBeforeARouteWrittenWithoutOne() {
        assertThat(RequestUrl.of(URI.create("http://nas:8096"), "Items", List.of())).hasToString("http://nas:8096/Items");
        assertThat(RequestUrl.of(URI.create("http://nas:7878"), "api/v3/tag", List.of())).hasToString("http://nas:7878/api/v3/tag");
    }

    @Test
    void encodesQueryValuesKeepingTheOrderGiven() {
        URI uri = RequestUrl.of(URI.create("http://nas:8096"), "/Items", List.of(
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
    void writesQueryParametersInOrderAndEncoded() {
        URI uri = RequestUrl.of(URI.create("http://nas:7878"), "/api/v3/movie/7", List.of(
                Map.entry("deleteFiles", "true"), Map.entry("addImportExclusion", "false"), Map.entry("odd name", "a&b=c/d")));

        assertThat(uri.getRawQuery()).isEqualTo("deleteFiles=true&addImportExclusion=false&odd%20name=a%26b%3Dc%2Fd");
    }

    @Test
    void anEmptyValueIsSentAsNameEqualsNothingAndNoParametersMeansNoQuestionMark() {
        URI uri = RequestUrl.of(URI.create("http://nas:8096"), "/Items", List.of(Map.entry("searchTerm", ""), Map.entry("limit", "5")));

        assertThat(uri.getRawQuery()).isEqualTo("searchTerm=&limit=5");
        assertThat(RequestUrl.of(URI.create("http://nas:8096"), "/Items", List.of()).toString()).doesNotContain("?");
    }

    @Test
    void unicodeIsPercentEncodedAsUtf8() {
        URI uri = RequestUrl.of(URI.create("http://nas:8096"), "/Items", List.of(Map.entry("searchTerm", "Amélie 東京 🎬")));

        assertThat(uri.getRawQuery()).isEqualTo("searchTerm=Am%C3%A9lie%20%E6%9D%B1%E4%BA%AC%20%F0%9F%8E%AC");
        assertThat(uri.getQuery()).isEqualTo("searchTerm=Amélie 東京 🎬");
    }

    @Test
    void encodesEverythingButUnreservedCharacters() {
        assertThat(RequestUrl.encode("Tom & Jerry: 100% ~ok_-.")).isEqualTo("Tom%20%26%20Jerry%3A%20100%25%20~ok_-.");
        assertThat(RequestUrl.encode("é")).isEqualTo("%C3%A9");
        assertThat(RequestUrl.encode("a+b c")).isEqualTo("a%2Bb%20c");
    }

    @Test
    void encodesPathSegmentsSoAnIdCannotEscapeItsRoute() {
        assertThat(RequestUrl.encode("../System/Info?x=1")).isEqualTo("..%2FSystem%2FInfo%3Fx%3D1");
        assertThat(RequestUrl.segment("../System/Info?x=1")).isEqualTo("..%2FSystem%2FInfo%3Fx%3D1");
    }

    @Test
    void aBlankSegmentIsRefused() {
        assertThatThrownBy(() -> RequestUrl.segment(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestUrl.segment(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestIsDescribedByMethodAndRouteNeverByItsQuery() {
        assertThat(RequestUrl.describe("GET", "/Items")).isEqualTo("GET /Items");
    }

    @Property
    void encodedComponentsHoldOnlyUnreservedCharactersAndPercentEscapesAndDecodeBack(@ForAll String value) {
        String encoded = RequestUrl.encode(value);

        assertThat(encoded).matches("([A-Za-z0-9._~-]|%[0-9A-F]{2})*");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(value);
    }

    @Property
    void everyParameterComesBackFromTheUrlInOrder(@ForAll String name, @ForAll String value) {
        URI uri = RequestUrl.of(URI.create("http://nas:8096/jellyfin/"), "/Items",
                List.of(Map.entry("first", "1"), Map.entry(name, value)));

        String[] pairs = uri.getRawQuery().split("&");
        assertThat(pairs).hasSize(2);
        assertThat(pairs[0]).isEqualTo("first=1");
        String[] nameAndValue = pairs[1].split("=", -1);
        assertThat(nameAndValue).hasSize(2);
        assertThat(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8)).isEqualTo(name);
        assertThat(URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(uri.getRawPath()).isEqualTo("/jellyfin/Items");
    }
}
