package app.pathary.jellyfin.scrobble;

import app.pathary.common.InvalidInputException;
import app.pathary.web.JsonBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A webhook plugin delivery ("Send All Properties": compact JSON, real JSON types). Accessors name the key in their
 * errors; a wrong type is a 400, a missing optional key is empty.
 */
final class WebhookPayload {
    private static final ObjectMapper MAPPER = JsonBody.mapper();
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
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
            root = MAPPER.readTree(body);
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

    Optional<String> text(String key) {
        JsonNode value = root.get(key);
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
        JsonNode value = root.get(key);
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
        JsonNode value = root.get(key);
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
        JsonNode value = root.get(key);
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
