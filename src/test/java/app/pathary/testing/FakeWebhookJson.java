package app.pathary.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * Compact JSON as the webhook plugin's {@code JsonSerializer.Serialize(dictionary)} writes it: keys in
 * insertion order, nulls kept, and System.Text.Json's default encoder, which escapes every non-ASCII
 * character and the HTML-sensitive {@code " & ' + < > `} as {@code \}{@code uXXXX}.
 */
final class FakeWebhookJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    static {
        JSON.getFactory().setCharacterEscapes(new SystemTextJsonEscapes());
    }

    private FakeWebhookJson() {
    }

    static String write(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class SystemTextJsonEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        SystemTextJsonEscapes() {
            for (char c : "\"&'+<>`".toCharArray()) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04X", ch));
        }
    }
}
