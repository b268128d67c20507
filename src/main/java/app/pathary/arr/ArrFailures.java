package app.pathary.arr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a non-2xx answer into the matching {@link ArrException}, keeping what the *arr said. The error
 * bodies come in four shapes: {@code {"message","description"}} (service errors, 404 on delete, 409, 500),
 * ProblemDetails {@code {type,title,status,traceId}} (404 on GET by id, model binding), a JSON array of
 * validation failures {@code [{propertyName,errorMessage,...}]} (400) and {@code {"errorMessage"}} (503
 * while starting); 401 has an empty body.
 */
final class ArrFailures {

    private ArrFailures() {
    }

    static ArrException of(String product, String request, int status, String body, ObjectMapper json) {
        JsonNode parsed = parse(body, json);
        String message = message(parsed);
        return switch (status) {
            case 401 -> new ArrException.Unauthorized(product, request);
            case 404 -> new ArrException.NotFound(product, request, message, isArrError(parsed));
            case 409 -> new ArrException.Conflict(product, request, message);
            case 503 -> new ArrException.StartingUp(product, request);
            default -> new ArrException.UnexpectedStatus(product, request, status, message);
        };
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    /** The server's own sentence, or {@code null}. */
    static String message(JsonNode body) {
        if (body == null) {
            return null;
        }
        if (body.isArray()) {
            List<String> messages = new ArrayList<>();
            body.forEach(failure -> {
                if (failure.path("errorMessage").isTextual()) {
                    messages.add(failure.get("errorMessage").asText());
                }
            });
            return messages.isEmpty() ? null : String.join("; ", messages);
        }
        for (String key : List.of("message", "errorMessage", "title")) {
            if (body.path(key).isTextual() && !body.get(key).asText().isBlank()) {
                return body.get(key).asText();
            }
        }
        return null;
    }

    /** A {@code message} body or a ProblemDetails body: the *arr's own error pipeline answered. */
    private static boolean isArrError(JsonNode body) {
        return body != null && body.isObject()
                && (body.path("message").isTextual() || (body.path("title").isTextual() && body.path("status").isInt()));
    }
}
