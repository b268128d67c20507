package app.pathary.history;

import app.pathary.db.Database;
import app.pathary.history.portable.HistoryExports;
import app.pathary.history.portable.HistoryFiles;
import app.pathary.history.portable.HistoryImports;
import app.pathary.history.portable.PortablePages;
import app.pathary.history.portable.StagedImportRepository;
import app.pathary.movie.MovieFacade;
import app.pathary.show.ShowFacade;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** Watch dates: the one place they change, their queries, the CSV, and the history pages and API. */
public final class HistoryFacade {
    private final WatchHistory history;
    private final HistoryQueries queries;
    private final HistoryCsv csv;
    private final MovieFacade movies;
    private final EpisodeHistory episodes;
    private final EpisodeHistoryQueries episodeQueries;
    private final ShowFacade shows;
    private final Portable portable;

    /** The episode half: shows, episode dates and their queries. */
    private record Episodes(ShowFacade shows, EpisodeHistory history, EpisodeHistoryQueries queries) {
    }

    /** What imports and exports of files need beside the history itself. */
    private record Portable(HistoryFiles files, StagedImportRepository staged, Jdbi reads, app.pathary.db.WriteTransactions writes) {
    }

    private HistoryFacade(WatchHistory history, HistoryQueries queries, MovieFacade movies, Episodes episodes, Portable portable) {
        this.shows = episodes.shows();
        this.history = history;
        this.queries = queries;
        this.csv = new HistoryCsv(history, queries);
        this.movies = movies;
        this.episodes = episodes.history();
        this.episodeQueries = episodes.queries();
        this.portable = portable;
    }

    /** @param zone {@code TIMEZONE}: the window of watch dates (movies and episodes) ends tomorrow there */
    public static HistoryFacade wire(Database database, MovieFacade movies, ShowFacade shows, Clock clock, java.time.ZoneId zone) {
        WatchDateWindow window = new WatchDateWindow(clock, zone);
        return new HistoryFacade(new WatchHistory(database.writes(), movies.repository(), window, clock),
                new HistoryQueries(database.reads()), movies,
                new Episodes(shows, new EpisodeHistory(database.writes(), shows.repository(), window, clock),
                        new EpisodeHistoryQueries(database.reads())),
                new Portable(new HistoryFiles(window, zone), new StagedImportRepository(database.jdbi(), database.reads(), clock), database.reads(),
                        database.writes()));
    }

    /** Imports of Pathary, Movary, Letterboxd and Trakt files; {@code library} finds films named only by title and year. */
    public HistoryImports imports(LibraryTitles library) {
        return new HistoryImports(portable.files(), movies.queries(), library, portable.staged(),
                new HistoryImports.Histories(history, episodes, portable.reads(), portable.writes()));
    }

    /** Exports as Pathary (movies, episodes), Movary and Letterboxd CSV. */
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

    /** The episodes CSV file (beside the movies file of {@link #csv()}). */
    public EpisodeCsv episodeCsv() {
        return new EpisodeCsv(episodes, episodeQueries);
    }

    /** Imports either CSV file (movies or episodes), told apart by its header. */
    public CsvImport csvImport() {
        return new CsvImport(csv, episodeCsv());
    }

    /**
     * @param library the media library's title search for "Add a watch" ({@link LibraryTitles#none()} without one)
     * @param jobs the queue an import's commit runs in
     */
    public List<WebRoutes> routes(Pages pages, HistoryApi.UserLookup users, Supplier<LocalDate> today, LibraryTitles library,
            app.pathary.job.JobQueue jobs) {
        return List.of(new HistoryPages(pages, history, queries, movies.queries(), today, library), new HistoryApi(users, history, queries),
                new EpisodeApi(users, episodes, episodeQueries),
                new EpisodePages(pages, episodes, episodeQueries, shows.queries(), today),
                new HistoryCsvPages(csv(), episodeCsv(), today), new PortablePages(pages, imports(library), exports(), today, jobs));
    }
}
