package app.pathary.arr;

import app.pathary.common.RequestUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request to an *arr: method, route under the base URL (e.g. {@code /api/v3/movie/7}), query
 * parameters in order and an optional JSON body. {@link #describe()} is safe to log.
 */
public record ArrCall(String method, String path, List<Map.Entry<String, String>> query, String jsonBody) {

    public ArrCall {
        query = List.copyOf(query);
    }

    public static ArrCall get(String path) {
        return new ArrCall("GET", path, List.of(), null);
    }

    public static ArrCall put(String path) {
        return new ArrCall("PUT", path, List.of(), null);
    }

    public static ArrCall delete(String path) {
        return new ArrCall("DELETE", path, List.of(), null);
    }

    /** Adds a query parameter unless {@code value} is {@code null}. */
    public ArrCall param(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.add(Map.entry(name, value.toString()));
        return new ArrCall(method, path, all, jsonBody);
    }

    public ArrCall body(String json) {
        return new ArrCall(method, path, query, json);
    }

    /** Method and route only: no query string or body. */
    public String describe() {
        return RequestUrl.describe(method, path);
    }

    @Override
    public String toString() {
        return describe();
    }
}
