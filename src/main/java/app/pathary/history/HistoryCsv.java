package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.movie.NewMovie;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * History as CSV with the header {@code tmdbId,imdbId,title,year,watchedAt,plays,comment}. Import merges (adds missing
 * dates, never deletes; importing the same file twice changes nothing); one bad row rejects the whole file.
 */
public final class HistoryCsv {
    static final String[] HEADER = {"tmdbId", "imdbId", "title", "year", "watchedAt", "plays", "comment"};
    private static final int PAGE = 500;
    private final WatchHistory history;
    private final HistoryQueries queries;

    public HistoryCsv(WatchHistory history, HistoryQueries queries) {
        this.history = history;
        this.queries = queries;
    }

    public record ImportResult(int rows, int datesAddedOrChanged) {
    }

    /**
     * Writes every watch date of the user, oldest first; returns the number of rows. The writer stays open: it belongs
     * to the caller (closing it closed standard output under {@code history:export}, which then failed with "Stream closed").
     */
    public int export(long userId, Writer out) {
        try {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out);
            int rows = 0;
            HistoryPage page;
            int number = 1;
            do {
                page = queries.page(userId, null, number++, PAGE, HistoryQueries.SortOrder.ASC);
                for (WatchDate entry : page.entries()) {
                    printer.printRecord(entry.movie().tmdbId(), entry.movie().imdbId(), entry.movie().title(),
                            entry.movie().year(), entry.watchedAt(), entry.plays(), entry.comment());
                    rows++;
                }
            } while (page.currentPage() < page.maxPage());
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportResult importFrom(long userId, Reader in, Source source) {
        List<HistoryCommand> commands = parse(in, history.window());
        try {
            return new ImportResult(commands.size(), history.apply(userId, commands, source).size());
        } catch (NotFoundException e) {
            throw new InvalidInputException(e.getMessage() + " Nothing from the file was imported.");
        }
    }

    static List<HistoryCommand> parse(Reader in, WatchDateWindow window) {
        return rows(in, HEADER, List.of("tmdbId", "title", "watchedAt"), record -> row(record, window));
    }

    /** Reads the file's rows with {@code row}; a bad row names its line, and nothing of the file is kept. */
    static <C> List<C> rows(Reader in, String[] header, List<String> required, java.util.function.Function<CSVRecord, C> row) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<C> commands = new ArrayList<>();
        try (CSVParser parser = format.parse(in)) {
            if (!parser.getHeaderNames().containsAll(required)) {
                throw new InvalidInputException("The first line must be the header " + String.join(",", header) + ".");
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                try {
                    commands.add(row.apply(record));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("Line " + line + ": " + e.getMessage() + " Nothing from the file was imported.");
                }
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new InvalidInputException("The file is not valid CSV: " + e.getMessage());
        }
        if (commands.isEmpty()) {
            throw new InvalidInputException("The file has no rows below its header.");
        }
        return commands;
    }

    private static HistoryCommand row(CSVRecord record, WatchDateWindow window) {
        int tmdbId = number(value(record, "tmdbId"), "tmdbId");
        String title = value(record, "title");
        String yearText = value(record, "year");
        String playsText = value(record, "plays");
        Integer year = yearText.isEmpty() ? null : number(yearText, "year");
        int plays = playsText.isEmpty() ? 1 : number(playsText, "plays");
        String watched = value(record, "watchedAt");
        LocalDate date = window.parse(watched, "watchedAt");
        String comment = value(record, "comment");
        MovieRef movie = title.isEmpty() ? new MovieRef.ByTmdbId(tmdbId)
                : new MovieRef.CreateIfMissing(new NewMovie(tmdbId, value(record, "imdbId"), title, year, null));
        return new HistoryCommand.MergeDate(movie, date, plays, comment.isEmpty() ? null : comment);
    }

    static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    static int number(String text, String column) {
        if (!text.matches("\\d{1,9}")) {
            throw new InvalidInputException(column + " must be a whole number, not '" + text + "'.");
        }
        return Integer.parseInt(text);
    }
}
