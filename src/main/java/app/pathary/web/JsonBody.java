package app.pathary.web;

import app.pathary.common.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a JSON request body field by field; every mistake becomes a 400 whose message names the field. */
public final class JsonBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {
    }

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("The request body is empty; send JSON.");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("The request body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").");
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
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(where + field + " must be a date as yyyy-MM-dd, not '" + text + "'.");
        }
    }
}
