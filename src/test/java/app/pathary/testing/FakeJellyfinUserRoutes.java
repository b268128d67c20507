package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Login, logout and user lookups, with Jellyfin's status codes. */
final class FakeJellyfinUserRoutes {

    private FakeJellyfinUserRoutes() {
    }

    static void register(FakeJellyfinRoutes routes, FakeJellyfinState state) {
        routes.anonymous("POST", "/Users/AuthenticateByName", (exchange, path) -> authenticate(exchange, state));
        routes.add("POST", "/Sessions/Logout", (exchange, path) -> {
            state.sessions.remove(exchange.caller.token());
            exchange.empty(204);
        });
        routes.add("GET", "/Users", (exchange, path) -> {
            Boolean hidden = exchange.bool("isHidden");
            Boolean disabled = exchange.bool("isDisabled");
            exchange.json(200, state.accounts.values().stream()
                    .filter(a -> hidden == null || a.hidden == hidden)
                    .filter(a -> disabled == null || a.disabled == disabled)
                    .sorted(Comparator.comparing(a -> a.name.toLowerCase(Locale.ROOT)))
                    .map(a -> FakeJellyfinJson.user(state, a)).toList());
        });
        routes.add("GET", "/Users/Me", (exchange, path) -> {
            if (exchange.caller.isApiKey()) {
                throw FakeHttpError.badRequest("");
            }
            exchange.json(200, FakeJellyfinJson.user(state, exchange.caller.account()));
        });
        routes.add("GET", "/Users/{userId}", (exchange, path) -> {
            FakeJellyfinState.Account account = state.accounts.get(FakeJellyfinExchange.normaliseGuid(path.getFirst()));
            if (account == null) {
                throw FakeHttpError.notFound("User not found");
            }
            exchange.json(200, FakeJellyfinJson.user(state, account));
        });
    }

    /** 400 without Client/Device/DeviceId/Version, 401 unknown user or wrong password, 403 disabled. */
    private static void authenticate(FakeJellyfinExchange exchange, FakeJellyfinState state) throws IOException {
        Map<String, String> auth = FakeMediaBrowserHeader.parse(exchange.header("Authorization"));
        for (String key : new String[] {"Client", "Device", "DeviceId", "Version"}) {
            if (auth.get(key) == null || auth.get(key).isBlank()) {
                throw FakeHttpError.badRequest("Client, Device, DeviceId and Version are required");
            }
        }
        Map<String, String> body = caseInsensitive(exchange.body());
        String username = body.get("username");
        if (username == null) {
            throw FakeHttpError.badRequest("Username is required");
        }
        FakeJellyfinState.Account account = state.accountNamed(username);
        if (account == null) {
            throw new FakeHttpError(401, "Invalid username or password entered.");
        }
        if (account.disabled) {
            throw new FakeHttpError(403, "The user account is currently disabled.");
        }
        if (!account.password.equals(body.getOrDefault("pw", ""))) {
            throw new FakeHttpError(401, "Invalid username or password entered.");
        }
        FakeJellyfinState.Session session = state.login(account, auth.get("DeviceId"), auth.get("Device"),
                auth.get("Client"), auth.get("Version"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("User", FakeJellyfinJson.user(state, account));
        result.put("SessionInfo", FakeJellyfinUserJson.sessionInfo(state, session, account));
        result.put("AccessToken", session.token());
        result.put("ServerId", state.serverId);
        exchange.json(200, result);
    }

    private static Map<String, String> caseInsensitive(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode body = FakeJellyfinExchange.JSON.readTree(json);
            body.fields().forEachRemaining(field -> values.put(field.getKey().toLowerCase(Locale.ROOT),
                    field.getValue().isNull() ? null : field.getValue().asText()));
        } catch (IOException | RuntimeException e) {
            throw FakeHttpError.badRequest("The request body is not valid JSON");
        }
        return values;
    }
}
