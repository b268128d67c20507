package app.pathary.history;

import app.pathary.db.Database;
import app.pathary.history.portable.HistoryExports;
import app.pathary.history.portable.HistoryFiles;
import app.pathary.history.portable.HistoryImports;
import app.pathary.history.portable.PortablePages;
import app.pathary.history.portable.StagedImportRepository;
import org.jdbi.v3.core.Jdbi;
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
    private final Portable portable;

    /** What imports and exports of files need beside the history itself. */
    private record Portable(HistoryFiles files, StagedImportRepository staged, Jdbi reads) {
    }

    private HistoryFacade(WatchHistory history, HistoryQueries queries, MovieFacade movies, EpisodeHistory episodes,
            EpisodeHistoryQueries episodeQueries, Portable portable) {
        this.history = history;
        this.queries = queries;
        this.csv = new HistoryCsv(history, queries);
        this.movies = movies;
        this.episodes = episodes;
        this.episodeQueries = episodeQueries;
        this.portable = portable;
    }

    /** @param zone {@code TIMEZONE}: the window of watch dates (movies and episodes) ends tomorrow there */
    public static HistoryFacade wire(Database database, MovieFacade movies, ShowFacade shows, Clock clock, java.time.ZoneId zone) {
        WatchDateWindow window = new WatchDateWindow(clock, zone);
        return new HistoryFacade(new WatchHistory(database.writes(), movies.repository(), window, clock),
                new HistoryQueries(database.reads()), movies,
                new EpisodeHistory(database.writes(), shows.repository(), window, clock), new EpisodeHistoryQueries(database.reads()),
                new Portable(new HistoryFiles(window, zone), new StagedImportRepository(database.jdbi(), clock), database.reads()));
    }

    /** Imports of Pathary, Movary, Letterboxd and Trakt files; {@code library} finds films named only by title and year. */
    public HistoryImports imports(LibraryTitles library) {
        return new HistoryImports(portable.files(), movies.queries(), library, portable.staged(),
                new HistoryImports.Histories(history, episodes, portable.reads()));
    }

    /** Exports as Pathary, Movary and Letterboxd CSV. */
    public HistoryExports exports() {
        return new HistoryExports(csv, queries, episodeQueries);
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

    /** @param library the media library's title search for "Add a watch" ({@link LibraryTitles#none()} without one) */
    public List<WebRoutes> routes(Pages pages, HistoryApi.UserLookup users, Supplier<LocalDate> today, LibraryTitles library) {
        return List.of(new HistoryPages(pages, history, queries, movies.queries(), today, library), new HistoryApi(users, history, queries),
                new HistoryCsvPages(csv(), today), new PortablePages(pages, imports(library), exports(), today));
    }
}
