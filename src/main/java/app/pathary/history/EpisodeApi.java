package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.history.HistoryApiItems.Verb;
import app.pathary.history.HistoryChange.Source;
import app.pathary.show.ShowJson;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/users/{name}/history/episodes}: the episode history with the movie history's shapes and rules (paging,
 * search by the show's title, sort order; add, set and delete in one all-or-nothing array; reads by the user or an
 * admin, writes by the user only).
 */
final class EpisodeApi implements WebRoutes {
    private final HistoryApi.UserLookup users;
    private final EpisodeHistory history;
    private final EpisodeHistoryQueries queries;

    EpisodeApi(HistoryApi.UserLookup users, EpisodeHistory history, EpisodeHistoryQueries queries) {
        this.users = users;
        this.history = history;
        this.queries = queries;
    }

    @Override
    public void register(RoutesConfig routes) {
        String path = "/api/users/{name}/history/episodes";
        routes.get(path, this::history, Role.USER);
        routes.post(path, ctx -> write(ctx, Verb.ADD), Role.USER);
        routes.put(path, ctx -> write(ctx, Verb.SET), Role.USER);
        routes.delete(path, ctx -> write(ctx, Verb.DELETE), Role.USER);
    }

    private void history(Context ctx) {
        long userId = HistoryApi.readableUser(ctx, users);
        EpisodeHistoryPage page = queries.page(userId, HistoryFilter.title(ctx.queryParam("search")),
                HistoryApi.intParam(ctx, "page", 1), HistoryApi.intParam(ctx, "limit", 24), HistoryApi.sortOrder(ctx));
        List<Map<String, Object>> entries = page.entries().stream().map(EpisodeApi::entryJson).toList();
        ctx.json(HistoryApi.ordered("history", entries, "currentPage", page.currentPage(), "maxPage", page.maxPage()));
    }

    private void write(Context ctx, Verb verb) {
        long userId = HistoryApi.writableUser(ctx, users);
        List<EpisodeCommand> commands = EpisodeApiItems.parse(ctx.body(), verb, history.window());
        try {
            history.apply(userId, commands, Source.API);
        } catch (NotFoundException e) {
            throw new InvalidInputException(e.getMessage());
        }
        ctx.status(204);
    }

    static Map<String, Object> entryJson(EpisodeWatchDate entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("show", ShowJson.of(entry.show()));
        json.put("episode", ShowJson.of(entry.episode()));
        json.put("watchedAt", entry.watchedAt() == null ? null : entry.watchedAt().toString());
        json.put("plays", entry.plays());
        json.put("comment", entry.comment());
        json.put("source", entry.source());
        return json;
    }
}
