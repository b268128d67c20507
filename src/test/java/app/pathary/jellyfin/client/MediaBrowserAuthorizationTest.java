package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MediaBrowserAuthorizationTest {

    private static final ClientIdentity PATHARY = new ClientIdentity("Pathary", "media-box", "d3c0ffee-1", "0.1.0");

    @Test
    void headerNamesTheClientDeviceVersionAndTokenInJellyfinsOrder() {
        assertThat(MediaBrowserAuthorization.headerValue(PATHARY, "0123456789abcdef0123456789abcdef"))
                .isEqualTo("MediaBrowser Client=\"Pathary\", Device=\"media-box\", DeviceId=\"d3c0ffee-1\", "
                        + "Version=\"0.1.0\", Token=\"0123456789abcdef0123456789abcdef\"");
    }

    @Test
    void headerWithoutTokenLeavesTheTokenKeyOut() {
        assertThat(MediaBrowserAuthorization.headerValue(PATHARY, null))
                .isEqualTo("MediaBrowser Client=\"Pathary\", Device=\"media-box\", DeviceId=\"d3c0ffee-1\", Version=\"0.1.0\"")
                .doesNotContain("Token");
    }

    @Test
    void spacesBecomePercent20BecauseJellyfinDecodesPlusAsSpace() {
        String header = MediaBrowserAuthorization.headerValue(
                new ClientIdentity("Pathary", "Living Room NAS", "id+1", "1.0"), null);

        assertThat(header).contains("Device=\"Living%20Room%20NAS\"").contains("DeviceId=\"id%2B1\"");
    }

    @Test
    void quotesCommasAndEqualsSignsCannotBreakThePairGrammar() {
        String header = MediaBrowserAuthorization.headerValue(
                new ClientIdentity("Pathary", "Bob's \"box\", 2=two", "x", "1.0"), null);

        assertThat(header).contains("Device=\"Bob's%20%22box%22%2C%202%3Dtwo\"");
    }

    @Test
    void nonAsciiIsPercentEncodedAsUtf8() {
        assertThat(MediaBrowserAuthorization.encode("Séjour")).isEqualTo("S%C3%A9jour");
    }

    @Property
    void encodedValuesDecodeBackAndNeverContainGrammarCharacters(@ForAll String value) {
        String encoded = MediaBrowserAuthorization.encode(value);

        assertThat(encoded).doesNotContain("\"", ",", " ", "+", "=");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(value);
    }
}
