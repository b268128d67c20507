package app.pathary.testing;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** {@code GET /Items} and {@code GET /Items/{itemId}?userId=}. */
final class FakeJellyfinItemRoutes {

    private FakeJellyfinItemRoutes() {
    }

    static void register(FakeJellyfinRoutes routes, FakeJellyfinState state) {
        AtomicLong itemQueries = new AtomicLong();
        java.util.Map<String, java.util.List<FakeItem>> frozenAnswers = new java.util.concurrent.ConcurrentHashMap<>();
        routes.add("GET", "/Items", (exchange, path) -> {
            FakeJellyfinState.Account user = FakeJellyfinCaller.user(exchange, state);
            java.util.Map<String, Object> collections = FakeJellyfinCollections.answer(state, exchange, user);
            if (collections != null) {
                exchange.json(200, collections);
                return;
            }
            exchange.json(200, new FakeJellyfinItemQuery(state, exchange, user).answer(itemQueries.incrementAndGet(), frozenAnswers));
        });
        Set<String> allFields = FakeJellyfinItemQuery.ITEM_FIELDS.stream()
                .map(f -> f.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        routes.add("GET", "/Items/{itemId}", (exchange, path) -> {
            FakeJellyfinState.Account user = FakeJellyfinCaller.requiredUser(exchange, state);
            var collection = state.collections.get(FakeJellyfinExchange.normaliseGuid(path.getFirst()));
            if (collection != null) {
                exchange.json(200, java.util.Map.of("Name", collection.name, "ServerId", state.serverId, "Id", collection.id,
                        "IsFolder", true, "Type", "BoxSet"));
                return;
            }
            FakeItem item = visibleItem(state, user, path.getFirst());
            exchange.json(200, FakeJellyfinJson.item(state, item, user, allFields, true));
        });
    }

    /** The item if it exists and the user may see it, else 404 (Jellyfin does not tell the two apart). */
    static FakeItem visibleItem(FakeJellyfinState state, FakeJellyfinState.Account user, String rawId) {
        FakeItem item = state.item(FakeJellyfinExchange.normaliseGuid(rawId));
        if (item == null || !state.visible(user, item)) {
            throw FakeHttpError.notFound("Item not found");
        }
        return item;
    }
}
