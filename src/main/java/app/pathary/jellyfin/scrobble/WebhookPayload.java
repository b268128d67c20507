package app.pathary.jellyfin.scrobble;

import app.pathary.common.InvalidInputException;
import app.pathary.web.JsonBody;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A webhook plugin delivery ("Send All Properties": compact JSON, real JSON types). Accessors name the key in their
 * errors; a wrong type is a 400, a missing optional key is empty.
 */
final class WebhookPayload {
    private static final ObjectMapper MAPPER = JsonBody.mapper();
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    /** The keys Pathary reads (each accessor refuses any other, so a key added to a reader must be added here). */
    static final Set<String> KEPT = Set.of("NotificationType", "NotificationUsername", "ItemType", "ItemId", "UserId", "Name",
            "Overview", "Year", "Provider_tmdb", "Provider_imdb", "PlayedToCompletion", "UtcTimestamp", "Timestamp",
            "SeriesId", "SeriesName", "SeasonNumber", "EpisodeNumber", "EpisodeNumberEnd", "LastPlayedDate", "Played",
            "SaveReason");
    private final JsonNode root;

    private WebhookPayload(JsonNode root) {
        this.root = root;
    }

    static WebhookPayload parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidInputException("The body is empty; set the webhook to \"Send All Properties (ignores template)\".");
        }
        JsonNode root;
        try {
            root = readKept(body);
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(JsonBody.BEYOND_LIMITS);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The body is not JSON; set the webhook to \"Send All Properties (ignores template)\".");
        } catch (java.io.IOException e) {
            throw new InvalidInputException("The body cannot be read.");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("The body must be a JSON object; set the webhook to \"Send All Properties (ignores template)\".");
        }
        return new WebhookPayload(root);
    }

    /**
     * The body's object with only the {@link #KEPT} keys: the rest of "Send All Properties" (about 40 keys) is read
     * through and checked as JSON, but no tree is built for it. A body that does not start with an object is read
     * whole, as before, so its error is the same.
     */
    private static JsonNode readKept(byte[] body) throws java.io.IOException {
        try (JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return MAPPER.readTree(body);
            }
            ObjectNode root = MAPPER.createObjectNode();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                if (KEPT.contains(key)) {
                    root.set(key, value(parser));
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new JsonParseException(parser, "the object is not closed");
            }
            return root;
        }
    }

    private JsonNode value(String key) {
        if (!KEPT.contains(key)) {
            throw new IllegalArgumentException(key + " is not among the keys a payload keeps");
        }
        return root.get(key);
    }

    /**
     * The value at the parser as readTree would build it. Scalars are made here: asking the mapper for each of about
     * twenty values set up a deserialization context each time, which cost more than the whole tree it replaced.
     */
    private static JsonNode value(JsonParser parser) throws java.io.IOException {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        return switch (parser.currentToken()) {
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            default -> parser.readValueAsTree(); // objects, arrays, fractions: rare in the keys read
        };
    }

    Optional<String> text(String key) {
        JsonNode value = value(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(key + " must be a string.");
        }
        return Optional.of(value.asText());
    }

    String requiredText(String key) {
        return text(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new InvalidInputException(key + " is missing; is \"Send All Properties (ignores template)\" on?"));
    }

    /** A JSON boolean; templates render "True"/"False", which are accepted too. */
    boolean requiredBoolean(String key) {
        JsonNode value = value(key);
        if (value == null || value.isNull()) {
            throw new InvalidInputException(key + " is missing; is \"Send All Properties (ignores template)\" on?");
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText().toLowerCase(Locale.ROOT));
        }
        throw new InvalidInputException(key + " must be true or false.");
    }

    Optional<Integer> integer(String key) {
        JsonNode value = value(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return Optional.of(value.asInt());
        }
        if (value.isTextual() && DIGITS.matcher(value.asText()).matches()) {
            return Optional.of(Integer.parseInt(value.asText()));
        }
        throw new InvalidInputException(key + " must be a whole number.");
    }

    /**
     * A provider id such as {@code Provider_tmdb}: the plugin sends a string of digits; a number is accepted too.
     * Empty, "0" or anything that is not a positive whole number means "no id".
     */
    Optional<Integer> providerId(String key) {
        JsonNode value = value(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.isIntegralNumber() ? value.asText() : value.isTextual() ? value.asText().strip() : "";
        if (!DIGITS.matcher(text).matches() || Integer.parseInt(text) == 0) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    /**
     * A string field the plugin escaped before serialising (Name, Overview): its {@code \"} became a literal
     * backslash and quote, which are put back to a plain quote.
     */
    Optional<String> escapedText(String key) {
        return text(key).map(s -> s.replace("\\\"", "\""));
    }
}
