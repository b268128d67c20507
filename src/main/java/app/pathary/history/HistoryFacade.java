package app.pathary.history;

import app.pathary.db.Database;
import app.pathary.movie.MovieFacade;
import app.pathary.show.ShowFacade;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** Watch dates: the one place they change, their queries, the CSV, and the history pages and API. */
public final class HistoryFacade {
    private final WatchHistory history;
    private final HistoryQueries queries;
    private final HistoryCsv csv;
    private final MovieFacade movies;
    private final EpisodeHistory episodes;
    private final EpisodeHistoryQueries episodeQueries;
    private final ShowFacade shows;

    private HistoryFacade(WatchHistory history, HistoryQueries queries, MovieFacade movies, ShowFacade shows, EpisodeHistory episodes,
            EpisodeHistoryQueries episodeQueries) {
        this.shows = shows;
        this.history = history;
        this.queries = queries;
        this.csv = new HistoryCsv(history, queries);
        this.movies = movies;
        this.episodes = episodes;
        this.episodeQueries = episodeQueries;
    }

    /** @param zone {@code TIMEZONE}: the window of watch dates (movies and episodes) ends tomorrow there */
    public static HistoryFacade wire(Database database, MovieFacade movies, ShowFacade shows, Clock clock, java.time.ZoneId zone) {
        WatchDateWindow window = new WatchDateWindow(clock, zone);
        return new HistoryFacade(new WatchHistory(database.writes(), movies.repository(), window, clock),
                new HistoryQueries(database.reads()), movies, shows,
                new EpisodeHistory(database.writes(), shows.repository(), window, clock), new EpisodeHistoryQueries(database.reads()));
    }

    /** Applies episode history commands (add, set, merge, delete) in one transaction and tells the listeners. */
    public EpisodeHistory episodes() {
        return episodes;
    }

    public EpisodeHistoryQueries episodeQueries() {
        return episodeQueries;
    }

    /** Applies history commands (add, set, merge, delete) in one transaction and tells the listeners. */
    public WatchHistory history() {
        return history;
    }

    public HistoryQueries queries() {
        return queries;
    }

    public HistoryCsv csv() {
        return csv;
    }

    /** The episodes CSV file (beside the movies file of {@link #csv()}). */
    public EpisodeCsv episodeCsv() {
        return new EpisodeCsv(episodes, episodeQueries);
    }

    /** Imports either CSV file (movies or episodes), told apart by its header. */
    public CsvImport csvImport() {
        return new CsvImport(csv, episodeCsv());
    }

    /** @param library the media library's title search for "Add a watch" ({@link LibraryTitles#none()} without one) */
    public List<WebRoutes> routes(Pages pages, HistoryApi.UserLookup users, Supplier<LocalDate> today, LibraryTitles library) {
        return List.of(new HistoryPages(pages, history, queries, movies.queries(), today, library), new HistoryApi(users, history, queries),
                new EpisodeApi(users, episodes, episodeQueries),
                new EpisodePages(pages, episodes, episodeQueries, shows.queries(), today),
                new HistoryCsvPages(csv(), episodeCsv(), csvImport(), today));
    }
}
