package app.pathary.web;

import app.pathary.common.InvalidInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a JSON request body field by field; every mistake becomes a 400 whose message names the field. */
public final class JsonBody {
    /** Request bodies are shallow: deeper nesting or a longer number is refused while reading, before it costs anything. */
    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_DIGITS = 100;
    private static final ObjectMapper MAPPER = mapper();
    /** Exactly four year digits: ISO's signed and five-digit years ({@code +10000-01-01}) are not dates a person gives. */
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private JsonBody() {
    }

    /** A mapper for request bodies, with the limits above (Jackson's own are 1000 levels and 1000 digits). */
    public static ObjectMapper mapper() {
        // Requests run on virtual threads, each new: Jackson's default per-thread buffer pool then gave every request
        // fresh 8 KB buffers to fill and drop; a pool shared by all threads hands them on.
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_DIGITS).build())
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());
    }

    /** The sentence for a body beyond the limits, for every reader of request JSON. */
    public static final String BEYOND_LIMITS = "The request body goes beyond Pathary's JSON limits (nesting at most " + MAX_DEPTH
            + " deep, numbers of at most " + MAX_NUMBER_DIGITS + " digits).";

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("The request body is empty; send JSON.");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new InvalidInputException("The request body is empty; send JSON.");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(BEYOND_LIMITS);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new InvalidInputException("The request body is not valid JSON"
                    + (where == null ? "." : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")."));
        }
    }

    public static JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(where + " must be a JSON object.");
        }
        return node;
    }

    public static String text(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(where + field + " must be a string.");
        }
        return value.asText();
    }

    public static Integer integer(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(value.asText());
        }
        throw new InvalidInputException(where + field + " must be a whole number.");
    }

    /** A {@code yyyy-MM-dd} date; null when the field is JSON null. The field must be present. */
    public static LocalDate date(JsonNode object, String field, String where) {
        if (!object.has(field)) {
            throw new InvalidInputException(where + field + " is missing (use null for an unknown date).");
        }
        String text = text(object, field, where);
        if (text == null) {
            return null;
        }
        try {
            if (!ISO_DATE.matcher(text).matches()) {
                throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(where + field + " must be a date as yyyy-MM-dd, not '" + text + "'.");
        }
    }
}
