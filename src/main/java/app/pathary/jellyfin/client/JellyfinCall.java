package app.pathary.jellyfin.client;

import app.pathary.common.RequestUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request to Jellyfin: method, route under the base URL, query parameters, optional JSON body and
 * whether the token is left out (anonymous routes). {@link #describe()} is safe to log.
 */
record JellyfinCall(String method, String path, List<Map.Entry<String, String>> query, String jsonBody,
                    boolean anonymous) {

    JellyfinCall {
        query = List.copyOf(query);
    }

    static JellyfinCall get(String path) {
        return new JellyfinCall("GET", path, List.of(), null, false);
    }

    static JellyfinCall post(String path) {
        return new JellyfinCall("POST", path, List.of(), null, false);
    }

    static JellyfinCall delete(String path) {
        return new JellyfinCall("DELETE", path, List.of(), null, false);
    }

    /** Adds a query parameter unless {@code value} is {@code null}. */
    JellyfinCall param(String name, Object value) {
        return value == null ? this : params(List.of(Map.entry(name, value.toString())));
    }

    JellyfinCall params(List<Map.Entry<String, String>> more) {
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.addAll(more);
        return new JellyfinCall(method, path, all, jsonBody, anonymous);
    }

    JellyfinCall body(String json) {
        return new JellyfinCall(method, path, query, json, anonymous);
    }

    JellyfinCall withoutToken() {
        return new JellyfinCall(method, path, query, jsonBody, true);
    }

    /** Method and route only: no query string, body or token. */
    String describe() {
        return RequestUrl.describe(method, path);
    }

    @Override
    public String toString() {
        return describe();
    }
}
