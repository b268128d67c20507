package app.pathary.common;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Locale;

/**
 * The body of a remote system's 2xx answer, read as JSON the one way every transport does: no body is
 * {@link MissingNode} (a DELETE answers so), an HTML page (by its content type or its first character, as a proxy's
 * sign-in or error page) and text that does not parse as one whole JSON value (cut off, or not JSON) are
 * {@link Problem}s for the transport to turn into its own typed error. Nothing from Jackson escapes.
 *
 * @param json    the parsed body, {@link MissingNode} when there was none or it could not be read
 * @param problem why the body could not be read, or {@code null}
 */
public record JsonBody(JsonNode json, Problem problem) {

    /** Why a 2xx body is not the JSON it should be. */
    public enum Problem {
        HTML_PAGE, MALFORMED_JSON
    }

    public static JsonBody read(ObjectMapper mapper, String contentType, String text) {
        if (text == null || text.isBlank()) {
            return new JsonBody(MissingNode.getInstance(), null);
        }
        if ((contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) || text.stripLeading().startsWith("<")) {
            return new JsonBody(MissingNode.getInstance(), Problem.HTML_PAGE);
        }
        try {
            JsonNode parsed = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            return parsed == null ? new JsonBody(MissingNode.getInstance(), Problem.MALFORMED_JSON) : new JsonBody(parsed, null);
        } catch (JacksonException e) {
            return new JsonBody(MissingNode.getInstance(), Problem.MALFORMED_JSON);
        }
    }

    public boolean readable() {
        return problem == null;
    }
}
