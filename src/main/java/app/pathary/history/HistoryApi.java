package app.pathary.history;

import app.pathary.common.ForbiddenException;
import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryQueries.SortOrder;
import app.pathary.movie.MovieJson;
import app.pathary.web.Caller;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history JSON API under {@code /api/users/{name}/...}: read (the user, or an admin) and write (the user only).
 * A write is all or nothing.
 */
final class HistoryApi implements WebRoutes {
    private final UserLookup users;
    private final WatchHistory history;
    private final HistoryQueries queries;

    /** Finds a user id by name (404 when unknown); given by the user feature. */
    @FunctionalInterface
    public interface UserLookup {
        long idOf(String name);
    }

    public HistoryApi(UserLookup users, WatchHistory history, HistoryQueries queries) {
        this.users = users;
        this.history = history;
        this.queries = queries;
    }

    @Override
    public void register(RoutesConfig routes) {
        String path = "/api/users/{name}/history/movies";
        routes.get(path, this::history, Role.USER);
        routes.post(path, ctx -> write(ctx, HistoryApiItems.Verb.ADD), Role.USER);
        routes.put(path, ctx -> write(ctx, HistoryApiItems.Verb.SET), Role.USER);
        routes.delete(path, ctx -> write(ctx, HistoryApiItems.Verb.DELETE), Role.USER);
        routes.get("/api/users/{name}/played/movies", this::played, Role.USER);
    }

    private void history(Context ctx) {
        long userId = readableUser(ctx);
        HistoryPage page = queries.page(userId, ctx.queryParam("search"), intParam(ctx, "page", 1),
                intParam(ctx, "limit", 24), sortOrder(ctx));
        List<Map<String, Object>> entries = page.entries().stream().map(HistoryApi::entryJson).toList();
        ctx.json(ordered("history", entries, "currentPage", page.currentPage(), "maxPage", page.maxPage()));
    }

    private void played(Context ctx) {
        long userId = readableUser(ctx);
        int limit = intParam(ctx, "limit", 24);
        int pageNumber = intParam(ctx, "page", 1);
        List<Map<String, Object>> played = queries.played(userId, ctx.queryParam("search"), pageNumber, limit).stream()
                .map(p -> ordered("movie", MovieJson.of(p.movie()), "watchDates",
                        p.dates().stream().map(HistoryApi::dateJson).toList()))
                .toList();
        long total = queries.playedCount(userId);
        ctx.json(ordered("played", played, "currentPage", pageNumber, "maxPage", Math.max(1, (total + limit - 1) / limit)));
    }

    private void write(Context ctx, HistoryApiItems.Verb verb) {
        long userId = writableUser(ctx, users);
        List<HistoryCommand> commands = HistoryApiItems.parse(ctx.body(), verb, history.window());
        try {
            history.apply(userId, commands, Source.API);
        } catch (NotFoundException e) {
            throw new InvalidInputException(e.getMessage());
        }
        ctx.status(204);
    }

    private long readableUser(Context ctx) {
        return readableUser(ctx, users);
    }

    /** The user named in the path, when the caller may change their history (only they may). */
    static long writableUser(Context ctx, UserLookup users) {
        Caller caller = Caller.require(ctx);
        long userId = users.idOf(ctx.pathParam("name"));
        if (userId != caller.id()) {
            throw new ForbiddenException("You may only change your own history.");
        }
        return userId;
    }

    /** The user named in the path, when the caller may read their history (they and admins may). */
    static long readableUser(Context ctx, UserLookup users) {
        Caller caller = Caller.require(ctx);
        long userId = users.idOf(ctx.pathParam("name"));
        if (userId != caller.id() && !caller.isAdmin()) {
            throw new ForbiddenException("Only the user and admins may read this history.");
        }
        return userId;
    }

    /** A JSON object whose keys keep the order given (key, value, key, value, ...). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    static Map<String, Object> entryJson(WatchDate entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("movie", MovieJson.of(entry.movie()));
        json.put("watchedAt", entry.watchedAt() == null ? null : entry.watchedAt().toString());
        json.put("plays", entry.plays());
        json.put("comment", entry.comment());
        return json;
    }

    private static Map<String, Object> dateJson(PlayedMovie.DateEntry date) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("watchedAt", date.watchedAt() == null ? null : date.watchedAt().toString());
        json.put("plays", date.plays());
        json.put("comment", date.comment());
        return json;
    }

    static SortOrder sortOrder(Context ctx) {
        String value = ctx.queryParam("sortOrder");
        if (value == null || value.equalsIgnoreCase("desc")) {
            return SortOrder.DESC;
        }
        if (value.equalsIgnoreCase("asc")) {
            return SortOrder.ASC;
        }
        throw new InvalidInputException("sortOrder must be asc or desc.");
    }

    static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}")) {
            throw new InvalidInputException(name + " must be a positive whole number.");
        }
        return Integer.parseInt(value);
    }
}
