package app.pathary.web;

import app.pathary.common.InvalidInputException;
import io.javalin.http.Context;

/** Reads a numeric id from the path or the query, with a 400 that names it when it is not a number. */
public final class PathIds {
    private PathIds() {
    }

    public static long of(Context ctx, String name) {
        return parse(ctx.pathParam(name), name);
    }

    public static long parse(String value, String name) {
        if (value == null || !value.matches("\\d{1,18}")) {
            throw new InvalidInputException(name + " must be a positive whole number.");
        }
        return Long.parseLong(value);
    }
}
