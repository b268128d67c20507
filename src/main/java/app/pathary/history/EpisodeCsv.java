package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The episodes file beside the movies file, with the header {@code tvdbId,tmdbId,imdbId,title,year,season,episode,
 * endEpisode,episodeTitle,watchedAt,plays,comment} (the ids, title and year are the show's). The same rules as
 * {@link HistoryCsv}: import merges (never deletes; the same file twice changes nothing; shared show metadata is filled,
 * never overwritten), one bad row refuses the whole file, and export then import then export gives the same file.
 */
public final class EpisodeCsv {
    static final String[] HEADER = {"tvdbId", "tmdbId", "imdbId", "title", "year", "season", "episode", "endEpisode", "episodeTitle",
        "watchedAt", "plays", "comment"};
    private static final int PAGE = 500;
    private final EpisodeHistory history;
    private final EpisodeHistoryQueries queries;

    public EpisodeCsv(EpisodeHistory history, EpisodeHistoryQueries queries) {
        this.history = history;
        this.queries = queries;
    }

    /** Whether a file's first line is this file's header (it names the columns season and episode). */
    public static boolean isEpisodesHeader(String firstLine) {
        List<String> columns = List.of(firstLine.replace("\uFEFF", "").strip().split("\\s*,\\s*"));
        return columns.contains("season") && columns.contains("episode");
    }

    /** Writes every episode date of the user, oldest first (unknown dates first); returns the number of rows. */
    public int export(long userId, Writer out) {
        try {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out);
            int rows = 0;
            EpisodeHistoryPage page;
            int number = 1;
            do {
                page = queries.page(userId, HistoryFilter.none(), number++, PAGE, HistoryQueries.SortOrder.ASC);
                for (EpisodeWatchDate entry : page.entries()) {
                    var show = entry.show();
                    var episode = entry.episode();
                    printer.printRecord(show.tvdbId(), show.tmdbId(), show.imdbId(), show.title(), show.year(), episode.season(),
                            episode.number(), episode.endNumber(), episode.title(), entry.watchedAt(), entry.plays(), entry.comment());
                    rows++;
                }
            } while (page.currentPage() < page.maxPage());
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HistoryCsv.ImportResult importFrom(long userId, Reader in, Source source) {
        List<EpisodeCommand> commands = HistoryCsv.rows(in, HEADER, List.of("season", "episode", "watchedAt"),
                record -> row(record, history.window()));
        try {
            return new HistoryCsv.ImportResult(commands.size(), history.apply(userId, commands, source).size());
        } catch (NotFoundException e) {
            throw new InvalidInputException(e.getMessage() + " Nothing from the file was imported.");
        }
    }

    private static EpisodeCommand row(CSVRecord record, WatchDateWindow window) {
        ShowIds ids = new ShowIds(optional(record, "tvdbId"), optional(record, "tmdbId"), HistoryCsv.value(record, "imdbId"));
        if (ids.isEmpty()) {
            throw new InvalidInputException("give the show's tvdbId, tmdbId or imdbId.");
        }
        NewEpisode episode = new NewEpisode(HistoryCsv.number(HistoryCsv.value(record, "season"), "season"),
                HistoryCsv.number(HistoryCsv.value(record, "episode"), "episode"), optional(record, "endEpisode"),
                HistoryCsv.value(record, "episodeTitle"));
        String title = HistoryCsv.value(record, "title");
        EpisodeRef ref = title.isEmpty() ? new EpisodeRef.ByShowIds(ids, episode)
                : new EpisodeRef.CreateIfMissing(new NewShow(ids, title, optional(record, "year")), episode);
        LocalDate date = window.parse(HistoryCsv.value(record, "watchedAt"), "watchedAt");
        String plays = HistoryCsv.value(record, "plays");
        String comment = HistoryCsv.value(record, "comment");
        return new EpisodeCommand.MergeDate(ref, date, plays.isEmpty() ? 1 : HistoryCsv.number(plays, "plays"),
                comment.isEmpty() ? null : comment);
    }

    private static Integer optional(CSVRecord record, String column) {
        String text = HistoryCsv.value(record, column);
        return text.isEmpty() ? null : HistoryCsv.number(text, column);
    }
}
