package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FakeMediaBrowserHeaderTest {

    @Test
    void readsQuotedPercentEncodedValues() {
        assertThat(FakeMediaBrowserHeader.parse(
                "MediaBrowser Client=\"Pathary\", Device=\"Living%20Room\", DeviceId=\"a%2Cb\", Version=\"1.0\", Token=\"abc\""))
                .containsEntry("Client", "Pathary")
                .containsEntry("Device", "Living Room")
                .containsEntry("DeviceId", "a,b")
                .containsEntry("Version", "1.0")
                .containsEntry("Token", "abc");
    }

    @Test
    void decodesPlusAsASpaceLikeWebUtilityUrlDecode() {
        assertThat(FakeMediaBrowserHeader.parse("MediaBrowser Device=\"Living+Room\"")).containsEntry("Device", "Living Room");
    }

    @Test
    void keepsCommasInsideQuotesAndReadsUnquotedValues() {
        assertThat(FakeMediaBrowserHeader.parse("mediabrowser Client=test, Device=\"a, b\", DeviceId=482716ab"))
                .containsEntry("Client", "test")
                .containsEntry("Device", "a, b")
                .containsEntry("DeviceId", "482716ab");
    }

    @Test
    void keysAreCaseSensitive() {
        assertThat(FakeMediaBrowserHeader.parse("MediaBrowser token=\"abc\"")).doesNotContainKey("Token");
    }

    @Test
    void otherSchemesIncludingLegacyEmbyGiveNothing() {
        assertThat(FakeMediaBrowserHeader.parse("Emby Token=\"abc\"")).isEmpty();
        assertThat(FakeMediaBrowserHeader.parse("Bearer abc")).isEmpty();
        assertThat(FakeMediaBrowserHeader.parse(null)).isEmpty();
    }
}
