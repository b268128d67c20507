package app.pathary.jellyfin.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Jackson set up for Jellyfin's wire format: PascalCase names (read case-insensitively, as Jellyfin
 * itself does), unknown properties ignored, nulls omitted on output, dates read by {@link JellyfinDates}
 * and written as ISO-8601 UTC.
 */
final class JellyfinJson {

    private JellyfinJson() {
    }

    static ObjectMapper create() {
        SimpleModule jellyfinDates = new SimpleModule("JellyfinDates")
                .addDeserializer(Instant.class, new JsonDeserializer<>() {
                    @Override
                    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        try {
                            return JellyfinDates.parse(parser.getValueAsString());
                        } catch (DateTimeException e) {
                            return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(),
                                    "not a Jellyfin date-time");
                        }
                    }
                });
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(new JavaTimeModule())
                .addModule(jellyfinDates)
                .build();
    }
}
