package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ends a fake *arr request with one of the error answers of Radarr's and Sonarr's error pipelines
 * (reference §3.7): {@code {message, description}}, ProblemDetails, a validation array, or no body.
 */
final class FakeArrError extends RuntimeException {

    final int status;
    final JsonNode body;
    final String contentType;

    private FakeArrError(int status, JsonNode body, String contentType) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    static FakeArrError empty(int status) {
        return new FakeArrError(status, null, null);
    }

    /** A service-level error: {@code {"message": ..., "description": ...}}. */
    static FakeArrError message(int status, String message, String exception) {
        ObjectNode body = FakeArrJson.object().put("message", message)
                .put("description", exception + ": " + message + "\n   at NzbDrone.Api (fake)");
        return new FakeArrError(status, body, "application/json; charset=utf-8");
    }

    /** 404 for a DELETE of an unknown id, e.g. "Movie with ID 7 does not exist". */
    static FakeArrError modelNotFound(String type, int id) {
        return message(404, type + " with ID " + id + " does not exist",
                "NzbDrone.Core.Datastore.ModelNotFoundException");
    }

    /** 404 for a GET of an unknown id: ASP.NET ProblemDetails. */
    static FakeArrError problemNotFound() {
        ObjectNode body = FakeArrJson.object().put("type", "https://tools.ietf.org/html/rfc9110#section-15.5.5")
                .put("title", "Not Found").put("status", 404)
                .put("traceId", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
        return new FakeArrError(404, body, "application/problem+json; charset=utf-8");
    }

    static FakeArrError badRequest(String message) {
        ObjectNode body = FakeArrJson.object().put("message", message);
        return new FakeArrError(400, body, "application/json; charset=utf-8");
    }

    /** 400 from FluentValidation: an array of failures. */
    static FakeArrError validation(String property, String message, JsonNode attempted) {
        ArrayNode body = FakeArrJson.array();
        body.addObject().put("propertyName", property).put("errorMessage", message)
                .set("attemptedValue", attempted);
        ((ObjectNode) body.get(0)).put("severity", "error").put("errorCode", "PredicateValidator");
        return new FakeArrError(400, body, "application/json; charset=utf-8");
    }

    /** 400 from model binding (malformed JSON): ValidationProblemDetails. */
    static FakeArrError malformedBody(String why) {
        ObjectNode body = FakeArrJson.object().put("type", "https://tools.ietf.org/html/rfc9110#section-15.5.1")
                .put("title", "One or more validation errors occurred.").put("status", 400);
        body.putObject("errors").putArray("$").add(why);
        body.put("traceId", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");
        return new FakeArrError(400, body, "application/problem+json; charset=utf-8");
    }

    /** 503 while the app starts (StartingUpMiddleware). */
    static FakeArrError startingUp(String product) {
        ObjectNode body = FakeArrJson.object().put("errorMessage", product + " is starting up, please try again later");
        return new FakeArrError(503, body, "application/json; charset=utf-8");
    }

    /** Writes this answer. */
    void send(FakeArrExchange exchange) throws java.io.IOException {
        exchange.send(status, contentType, body == null ? new byte[0] : FakeArrJson.MAPPER.writeValueAsBytes(body));
    }

    /** 500 from a list lookup with a missing id (Sonarr {@code DELETE /series/{unknown}}). */
    static FakeArrError expectedRows(int expected, int returned) {
        return message(500, "Expected query to return " + expected + " rows but returned " + returned,
                "System.ApplicationException");
    }
}
