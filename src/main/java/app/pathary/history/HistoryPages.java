package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryQueries.SortOrder;
import app.pathary.movie.Movie;
import app.pathary.movie.MovieQueries;
import app.pathary.movie.NewMovie;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/** The history pages: the list, a movie's dates (add, edit, delete) and the "add a watch" form. */
final class HistoryPages implements WebRoutes {
    private static final int PAGE_SIZE = 30;
    private final Pages pages;
    private final WatchHistory history;
    private final HistoryQueries queries;
    private final MovieQueries movies;
    private final Supplier<LocalDate> today;
    private final LibraryTitles library;

    public HistoryPages(Pages pages, WatchHistory history, HistoryQueries queries, MovieQueries movies, Supplier<LocalDate> today,
            LibraryTitles library) {
        this.library = library;
        this.pages = pages;
        this.history = history;
        this.queries = queries;
        this.movies = movies;
        this.today = today;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/history", this::list, Role.USER);
        routes.get("/add", ctx -> pages.render(ctx, "history/add.jte", "Add a watch", Map.of("today", today.get())), Role.USER);
        routes.get("/add/search", this::search, Role.USER);
        routes.post("/add", this::add, Role.USER);
        routes.get("/movies/{id}", this::movie, Role.USER);
        routes.post("/movies/{id}/dates", ctx -> change(ctx, movie -> new HistoryCommand.AddPlays(movie,
                date(ctx, true), plays(ctx), ctx.formParam("comment")), "The watch was added."), Role.USER);
        routes.post("/movies/{id}/dates/set", ctx -> changeAll(ctx, movie -> edit(ctx, movie), "The watch date was saved."), Role.USER);
        routes.post("/movies/{id}/dates/delete", ctx -> change(ctx, movie -> new HistoryCommand.DeleteDate(movie,
                date(ctx, false)), "The watch date was deleted."), Role.USER);
        routes.post("/movies/{id}/delete-all", ctx -> change(ctx, HistoryCommand.DeleteMovie::new,
                "All watch dates of the movie were deleted."), Role.USER);
    }

    private void list(Context ctx) {
        Caller caller = Caller.require(ctx);
        HistoryFilter filter = filter(ctx);
        String view = ctx.queryParam("view") == null || ctx.queryParam("view").isBlank() ? "auto" : ctx.queryParam("view");
        if (!java.util.List.of("auto", "grid", "list").contains(view)) {
            throw new InvalidInputException("view must be grid or list.");
        }
        int page = HistoryApi.intParam(ctx, "page", 1);
        HistoryPage result = queries.filtered(caller.id(), filter, Math.max(1, page), PAGE_SIZE, SortOrder.DESC);
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        String template = htmx && "more".equals(ctx.queryParam("part")) ? "history/history-items.jte"
                : htmx ? "history/history-rows.jte" : "history/list.jte";
        pages.render(ctx, template, "History", Map.of("result", result, "search", filter.search(), "filter", filter, "view", view,
                "years", queries.yearsWatched(caller.id())));
    }

    /** The list's filters from the query string; a value that is not a year or a number of plays is a 400 naming it. */
    private static HistoryFilter filter(Context ctx) {
        String year = ctx.queryParam("year");
        if (year != null && !year.isBlank() && !year.strip().matches("\\d{4}")) {
            throw new InvalidInputException("year must have four digits.");
        }
        String plays = ctx.queryParam("plays");
        if (plays != null && !plays.isBlank() && !plays.strip().matches("\\d{1,4}")) {
            throw new InvalidInputException("plays must be a whole number.");
        }
        return new HistoryFilter(ctx.queryParam("search"), year == null || year.isBlank() ? null : Integer.valueOf(year.strip()),
                plays == null || plays.isBlank() ? null : Integer.valueOf(plays.strip()), "yes".equals(ctx.queryParam("comment")));
    }

    /** Pathary's movies of that title, then the films of the user's Jellyfin library that Pathary does not have yet. */
    private void search(Context ctx) {
        Caller caller = Caller.require(ctx);
        String title = ctx.queryParam("title") == null ? "" : ctx.queryParam("title").strip();
        List<Movie> known = title.isEmpty() ? List.of() : movies.searchByTitle(title, 10);
        Set<Integer> knownIds = known.stream().map(Movie::tmdbId).collect(Collectors.toSet());
        List<LibraryTitles.Found> found = library.find(caller.id(), caller.isAdmin(), title, 10).stream()
                .filter(item -> item.tmdbId() == null || !knownIds.contains(item.tmdbId())).toList();
        pages.render(ctx, "history/search-results.jte", "", Map.of("movies", known, "found", found, "title", title));
    }

    private void movie(Context ctx) {
        Caller caller = Caller.require(ctx);
        Movie movie = movies.byId(PathIds.of(ctx, "id")).orElseThrow(() -> new NotFoundException("There is no such movie."));
        pages.render(ctx, "history/movie.jte", movie.title(), Map.of(
                "movie", movie, "dates", queries.datesOf(caller.id(), movie.id()), "today", today.get()));
    }

    private void add(Context ctx) {
        Caller caller = Caller.require(ctx);
        try {
            String tmdb = ctx.formParam("tmdbId") == null ? "" : ctx.formParam("tmdbId").strip();
            if (!tmdb.matches("\\d{1,9}")) {
                throw new InvalidInputException("The TMDb id must be a number (the digits in themoviedb.org/movie/<id>).");
            }
            String yearText = ctx.formParam("year") == null ? "" : ctx.formParam("year").strip();
            if (!yearText.isEmpty() && !yearText.matches("\\d{4}")) {
                throw new InvalidInputException("The year must have four digits.");
            }
            Integer year = yearText.isEmpty() ? null : Integer.valueOf(yearText);
            var movie = new MovieRef.CreateIfMissing(new NewMovie(Integer.parseInt(tmdb), null, ctx.formParam("title"), year, null));
            history.apply(caller.id(), new HistoryCommand.AddPlays(movie, date(ctx, true), plays(ctx), ctx.formParam("comment")), Source.PAGE);
            Movie saved = movies.byTmdbId(Integer.parseInt(tmdb)).orElseThrow();
            Flash.success(ctx, "Added a watch of " + saved.title() + ".");
            ctx.redirect("/movies/" + saved.id());
        } catch (InvalidInputException e) {
            Flash.error(ctx, e.getMessage());
            ctx.redirect("/add");
        }
    }

    /**
     * Saves a watch date's plays and comment; when {@code newWatchedAt} names another date (empty: unknown), the watch
     * moves there: the old date goes and its plays are added to the new one, in one transaction.
     */
    private List<HistoryCommand> edit(Context ctx, MovieRef movie) {
        DateForm.Edit edit = DateForm.edit(ctx, history.window());
        if (!edit.moved()) {
            return List.of(new HistoryCommand.SetDate(movie, edit.old(), edit.plays(), edit.comment()));
        }
        return List.of(new HistoryCommand.DeleteDate(movie, edit.old()), new HistoryCommand.AddPlays(movie, edit.target(), edit.plays(),
                edit.comment()));
    }

    private void change(Context ctx, java.util.function.Function<MovieRef, HistoryCommand> command, String done) {
        changeAll(ctx, movie -> List.of(command.apply(movie)), done);
    }

    private void changeAll(Context ctx, java.util.function.Function<MovieRef, List<HistoryCommand>> commands, String done) {
        Caller caller = Caller.require(ctx);
        long movieId = PathIds.of(ctx, "id");
        try {
            history.apply(caller.id(), commands.apply(new MovieRef.ById(movieId)), Source.PAGE);
            Flash.success(ctx, done);
        } catch (InvalidInputException e) {
            Flash.error(ctx, e.getMessage());
        }
        ctx.redirect("/movies/" + movieId);
    }

    private LocalDate date(Context ctx, boolean toStore) {
        return DateForm.date(ctx, toStore, history.window());
    }

    private static int plays(Context ctx) {
        return DateForm.plays(ctx);
    }
}
