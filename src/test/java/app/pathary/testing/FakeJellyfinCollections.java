package app.pathary.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collections (BoxSets) as Jellyfin's {@code CollectionController} serves them: {@code POST /Collections?name=&ids=&isLocked=}
 * (200 {@code {"Id"}}), {@code POST|DELETE /Collections/{id}/Items?ids=} (204), {@code DELETE /Items/{id}} of a collection
 * (204), and in {@code GET /Items}: {@code includeItemTypes=BoxSet} lists them, {@code parentId=<collection>} lists the
 * members in insertion order (DisplayOrder "Default"). Managing collections needs an API key or an admin (else 403).
 */
final class FakeJellyfinCollections {

    /** One collection: its members in the order they were added. */
    static final class Collection {
        final String id;
        final String name;
        final boolean locked;
        final List<String> members = new ArrayList<>();

        Collection(String id, String name, boolean locked) {
            this.id = id;
            this.name = name;
            this.locked = locked;
        }
    }

    private FakeJellyfinCollections() {
    }

    static void register(FakeJellyfinRoutes routes, FakeJellyfinState state) {
        routes.add("POST", "/Collections", (exchange, path) -> {
            manager(exchange);
            String name = exchange.param("name");
            if (name == null) {
                throw FakeHttpError.badRequest("The name field is required.");
            }
            List<String> ids = known(state, exchange.list("ids"));
            Collection collection = new Collection(FakeJellyfinState.newId(), name, Boolean.TRUE.equals(exchange.bool("isLocked")));
            collection.members.addAll(ids.stream().distinct().toList());
            state.collections.put(collection.id, collection);
            exchange.json(200, Map.of("Id", collection.id));
        });
        routes.add("POST", "/Collections/{collectionId}/Items", (exchange, path) -> {
            manager(exchange);
            Collection collection = collection(state, path.getFirst());
            for (String id : known(state, exchange.list("ids"))) {
                if (!collection.members.contains(id)) {
                    collection.members.add(id);
                }
            }
            exchange.empty(204);
        });
        routes.add("DELETE", "/Collections/{collectionId}/Items", (exchange, path) -> {
            manager(exchange);
            Collection collection = collection(state, path.getFirst());
            collection.members.removeAll(exchange.list("ids").stream().map(FakeJellyfinExchange::normaliseGuid).toList());
            exchange.empty(204);
        });
        routes.add("DELETE", "/Items/{itemId}", (exchange, path) -> {
            manager(exchange);
            String id = FakeJellyfinExchange.normaliseGuid(path.getFirst());
            if (state.collections.remove(id) == null) {
                // the fake deletes collections only; a real Jellyfin would delete a movie's files here
                throw FakeHttpError.notFound("Item not found");
            }
            exchange.empty(204);
        });
    }

    /** {@code GET /Items} about collections, or null when the query is about something else. */
    static Map<String, Object> answer(FakeJellyfinState state, FakeJellyfinExchange exchange, FakeJellyfinState.Account user) {
        List<String> types = exchange.list("includeItemTypes");
        String parent = exchange.param("parentId");
        List<Map<String, Object>> items = new ArrayList<>();
        if (types.size() == 1 && types.getFirst().equalsIgnoreCase("BoxSet")) {
            for (Collection collection : state.collections.values()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("Name", collection.name);
                json.put("ServerId", state.serverId);
                json.put("Id", collection.id);
                json.put("IsFolder", true);
                json.put("Type", "BoxSet");
                json.put("ChildCount", collection.members.size());
                items.add(json);
            }
        } else if (parent != null && state.collections.containsKey(FakeJellyfinExchange.normaliseGuid(parent))) {
            for (String id : state.collections.get(FakeJellyfinExchange.normaliseGuid(parent)).members) {
                FakeItem item = state.item(id);
                if (item != null) {
                    items.add(FakeJellyfinJson.item(state, item, user, Set.of(), false));
                }
            }
        } else {
            return null;
        }
        Integer start = exchange.integer("startIndex");
        Integer limit = exchange.integer("limit");
        int from = Math.min(start == null ? 0 : start, items.size());
        int to = limit == null ? items.size() : Math.min(items.size(), from + limit);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Items", items.subList(from, to));
        result.put("TotalRecordCount", items.size());
        result.put("StartIndex", from);
        return result;
    }

    private static void manager(FakeJellyfinExchange exchange) {
        if (!FakeJellyfinCaller.require(exchange).isAdmin()) {
            throw new FakeHttpError(403, "Forbidden");
        }
    }

    private static Collection collection(FakeJellyfinState state, String rawId) {
        Collection collection = state.collections.get(FakeJellyfinExchange.normaliseGuid(rawId));
        if (collection == null) {
            // Jellyfin's CollectionManager throws ArgumentException: "No collection exists with the supplied collectionId"
            throw FakeHttpError.badRequest("No collection exists with the supplied collectionId " + rawId);
        }
        return collection;
    }

    private static List<String> known(FakeJellyfinState state, List<String> raw) {
        List<String> ids = raw.stream().map(FakeJellyfinExchange::normaliseGuid).toList();
        for (String id : ids) {
            if (state.item(id) == null) {
                throw FakeHttpError.badRequest("No item exists with the supplied Id " + id);
            }
        }
        return ids;
    }
}
