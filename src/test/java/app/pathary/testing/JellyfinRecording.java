package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A recorded exchange with a real Jellyfin from {@code /fixtures/jellyfin/recordings}. */
record JellyfinRecording(JsonNode request, int status, JsonNode body) {

    static JellyfinRecording load(String name) {
        try (InputStream in = JellyfinRecording.class.getResourceAsStream("/fixtures/jellyfin/recordings/" + name)) {
            JsonNode root = new ObjectMapper().readTree(in);
            return new JellyfinRecording(root.get("request"), root.at("/response/status").asInt(), root.at("/response/body"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
