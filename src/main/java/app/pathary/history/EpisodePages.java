package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryQueries.SortOrder;
import app.pathary.show.Episode;
import app.pathary.show.Show;
import app.pathary.show.ShowQueries;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The episode pages: the episode history (grouped per show per day), a show with its seasons and the user's progress,
 * and an episode's dates, editable like a movie's.
 */
final class EpisodePages implements WebRoutes {
    private static final int PAGE_SIZE = 60;
    private final Pages pages;
    private final EpisodeHistory history;
    private final EpisodeHistoryQueries queries;
    private final ShowQueries shows;
    private final Supplier<LocalDate> today;

    EpisodePages(Pages pages, EpisodeHistory history, EpisodeHistoryQueries queries, ShowQueries shows, Supplier<LocalDate> today) {
        this.pages = pages;
        this.history = history;
        this.queries = queries;
        this.shows = shows;
        this.today = today;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/history/episodes", this::list, Role.USER);
        routes.get("/shows/{id}", this::show, Role.USER);
        routes.get("/episodes/{id}", this::episode, Role.USER);
        routes.post("/episodes/{id}/dates", ctx -> change(ctx, episode -> List.of(new EpisodeCommand.AddPlays(episode,
                DateForm.date(ctx, true, history.window()), DateForm.plays(ctx), ctx.formParam("comment"))), "The watch was added."), Role.USER);
        routes.post("/episodes/{id}/dates/set", ctx -> change(ctx, episode -> edit(ctx, episode), "The watch date was saved."), Role.USER);
        routes.post("/episodes/{id}/dates/delete", ctx -> change(ctx, episode -> List.of(new EpisodeCommand.DeleteDate(episode,
                DateForm.date(ctx, false, history.window()))), "The watch date was deleted."), Role.USER);
        routes.post("/episodes/{id}/delete-all", ctx -> change(ctx, episode -> List.of(new EpisodeCommand.DeleteEpisode(episode)),
                "All watch dates of the episode were deleted."), Role.USER);
    }

    private void list(Context ctx) {
        Caller caller = Caller.require(ctx);
        String search = ctx.queryParam("search") == null ? "" : ctx.queryParam("search");
        int page = Math.max(1, HistoryApi.intParam(ctx, "page", 1));
        EpisodeHistoryPage result = queries.page(caller.id(), HistoryFilter.title(search), page, PAGE_SIZE, SortOrder.DESC);
        pages.render(ctx, "history/episodes.jte", "Episode history", Map.of("result", result, "groups", EpisodeGroups.of(result.entries()),
                "search", search.strip()));
    }

    private void show(Context ctx) {
        Caller caller = Caller.require(ctx);
        Show show = shows.byId(PathIds.of(ctx, "id")).orElseThrow(() -> new NotFoundException("There is no such show."));
        Map<Long, List<EpisodeWatchDate>> dates = queries.datesOfShow(caller.id(), show.id()).stream()
                .collect(Collectors.groupingBy(d -> d.episode().id()));
        Map<Integer, List<Episode>> seasons = shows.episodes(show.id()).stream()
                .collect(Collectors.groupingBy(Episode::season, java.util.TreeMap::new, Collectors.toList()));
        pages.render(ctx, "history/show.jte", show.title(), Map.of("show", show, "progress", queries.seasons(caller.id(), show.id()),
                "seasons", seasons, "dates", dates, "today", today.get()));
    }

    private void episode(Context ctx) {
        Caller caller = Caller.require(ctx);
        Episode episode = shows.episodeById(PathIds.of(ctx, "id")).orElseThrow(() -> new NotFoundException("There is no such episode."));
        Show show = shows.byId(episode.showId()).orElseThrow();
        pages.render(ctx, "history/episode.jte", show.title() + " " + episode.code(), Map.of("show", show, "episode", episode,
                "dates", queries.datesOf(caller.id(), episode.id()), "today", today.get()));
    }

    /** Saves plays and comment; a new date moves the watch there (the old date goes, its plays join the new one). */
    private List<EpisodeCommand> edit(Context ctx, EpisodeRef episode) {
        DateForm.Edit edit = DateForm.edit(ctx, history.window());
        if (!edit.moved()) {
            return List.of(new EpisodeCommand.SetDate(episode, edit.old(), edit.plays(), edit.comment()));
        }
        return List.of(new EpisodeCommand.DeleteDate(episode, edit.old()),
                new EpisodeCommand.AddPlays(episode, edit.target(), edit.plays(), edit.comment()));
    }

    /** Applies the form's commands; back to where the form was ({@code back=show}: the show page), with a message. */
    private void change(Context ctx, Function<EpisodeRef, List<EpisodeCommand>> commands, String done) {
        Caller caller = Caller.require(ctx);
        long episodeId = PathIds.of(ctx, "id");
        Episode episode = shows.episodeById(episodeId).orElseThrow(() -> new NotFoundException("There is no such episode."));
        try {
            history.apply(caller.id(), commands.apply(new EpisodeRef.ById(episodeId)), Source.PAGE);
            Flash.success(ctx, done);
        } catch (InvalidInputException e) {
            Flash.error(ctx, e.getMessage());
        }
        ctx.redirect("show".equals(ctx.formParam("back")) ? "/shows/" + episode.showId() + "#season-" + episode.season()
                : "/episodes/" + episodeId);
    }
}
