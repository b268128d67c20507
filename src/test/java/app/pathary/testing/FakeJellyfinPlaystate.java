package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Played, unplayed and UserData edits with Jellyfin's semantics (reference section 4.3):
 * <ul>
 *   <li>mark played: PlayCount + 1 only when {@code datePlayed} is given, at least 1 in any case; position
 *       reset; LastPlayedDate = datePlayed, else the old value, else now; Played = true;</li>
 *   <li>mark unplayed: everything zeroed;</li>
 *   <li>both recurse over a folder's episodes with files;</li>
 *   <li>UserData POST: applies the non-null fields only, no recursion.</li>
 * </ul>
 */
final class FakeJellyfinPlaystate {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private FakeJellyfinPlaystate() {
    }

    static void register(FakeJellyfinRoutes routes, FakeJellyfinState state) {
        routes.add("POST", "/UserPlayedItems/{itemId}", (exchange, path) -> {
            FakeJellyfinState.Account user = FakeJellyfinCaller.requiredUser(exchange, state);
            FakeItem item = FakeJellyfinItemRoutes.visibleItem(state, user, path.getFirst());
            Instant datePlayed = datePlayed(exchange.param("datePlayed"));
            for (FakeItem target : targets(state, item)) {
                FakeUserData old = state.userData(user.id, target.id());
                Instant last = datePlayed != null ? datePlayed
                        : old.lastPlayedDate() != null ? old.lastPlayedDate() : state.now();
                int count = Math.max(1, old.playCount() + (datePlayed != null ? 1 : 0));
                state.putUserData(user.id, target.id(), new FakeUserData(true, count, last, old.isFavorite(), 0));
            }
            exchange.json(200, FakeJellyfinJson.userData(state, item, user));
        });
        routes.add("DELETE", "/UserPlayedItems/{itemId}", (exchange, path) -> {
            FakeJellyfinState.Account user = FakeJellyfinCaller.requiredUser(exchange, state);
            FakeItem item = FakeJellyfinItemRoutes.visibleItem(state, user, path.getFirst());
            for (FakeItem target : targets(state, item)) {
                boolean favorite = state.userData(user.id, target.id()).isFavorite();
                state.putUserData(user.id, target.id(), new FakeUserData(false, 0, null, favorite, 0));
            }
            exchange.json(200, FakeJellyfinJson.userData(state, item, user));
        });
        routes.add("GET", "/UserItems/{itemId}/UserData", (exchange, path) -> {
            FakeJellyfinState.Account user = FakeJellyfinCaller.requiredUser(exchange, state);
            FakeItem item = FakeJellyfinItemRoutes.visibleItem(state, user, path.getFirst());
            exchange.json(200, FakeJellyfinJson.userData(state, item, user));
        });
        routes.add("POST", "/UserItems/{itemId}/UserData", (exchange, path) -> {
            FakeJellyfinState.Account user = FakeJellyfinCaller.requiredUser(exchange, state);
            FakeItem item = FakeJellyfinItemRoutes.visibleItem(state, user, path.getFirst());
            state.putUserData(user.id, item.id(), update(state.userData(user.id, item.id()), exchange.body()));
            exchange.json(200, FakeJellyfinJson.userData(state, item, user));
        });
    }

    private static List<FakeItem> targets(FakeJellyfinState state, FakeItem item) {
        return item.isFolder() ? state.playableDescendants(item) : List.of(item);
    }

    /** {@code yyyyMMddHHmmss} (UTC) first, then ISO-8601; no zone means UTC. */
    static Instant datePlayed(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{14}")) {
                return LocalDateTime.parse(value, COMPACT).toInstant(ZoneOffset.UTC);
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw FakeHttpError.badRequest("The value '" + value + "' is not valid.");
        }
    }

    private static FakeUserData update(FakeUserData old, String body) throws IOException {
        JsonNode json;
        try {
            json = FakeJellyfinExchange.JSON.readTree(body);
        } catch (IOException e) {
            throw FakeHttpError.badRequest("The request body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw FakeHttpError.badRequest("The request body must be a JSON object");
        }
        boolean played = old.played();
        int playCount = old.playCount();
        Instant lastPlayed = old.lastPlayedDate();
        boolean favorite = old.isFavorite();
        long position = old.playbackPositionTicks();
        for (var fields = json.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            switch (field.getKey().toLowerCase(Locale.ROOT)) {
                case "played" -> played = requireType(value.isBoolean(), value).asBoolean();
                case "playcount" -> playCount = requireType(value.isInt(), value).asInt();
                case "lastplayeddate" -> lastPlayed = datePlayed(requireType(value.isTextual(), value).asText());
                case "isfavorite" -> favorite = requireType(value.isBoolean(), value).asBoolean();
                case "playbackpositionticks" -> position = requireType(value.isIntegralNumber(), value).asLong();
                default -> { }
            }
        }
        return new FakeUserData(played, playCount, lastPlayed, favorite, position);
    }

    private static JsonNode requireType(boolean ok, JsonNode value) {
        if (!ok) {
            throw FakeHttpError.badRequest("The JSON value could not be converted: " + value);
        }
        return value;
    }
}
