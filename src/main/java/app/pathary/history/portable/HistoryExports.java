package app.pathary.history.portable;

import app.pathary.history.EpisodeHistoryQueries;
import app.pathary.history.HistoryCsv;
import app.pathary.history.HistoryPage;
import app.pathary.history.HistoryQueries;
import app.pathary.history.WatchDate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a user's history for other trackers: Pathary's CSV, Movary's {@code history.csv} (one row per play, as Movary
 * writes and reads it) and Letterboxd's import CSV ({@code WatchedDate,Title,Year,tmdbID}, one row per play, split into
 * files of at most {@link #LETTERBOXD_ROWS} rows and {@link #LETTERBOXD_BYTES} bytes, Letterboxd's limits for one import).
 */
public final class HistoryExports {
    public static final int LETTERBOXD_ROWS = 1_900;
    public static final int LETTERBOXD_BYTES = 1_000_000;
    static final String[] MOVARY_HEADER = {"title", "year", "tmdbId", "imdbId", "watchedAt", "comment", "location"};
    static final String[] LETTERBOXD_HEADER = {"WatchedDate", "Title", "Year", "tmdbID"};
    private static final int PAGE = 500;
    private final HistoryCsv csv;
    private final HistoryQueries queries;
    private final EpisodeHistoryQueries episodes;

    public HistoryExports(HistoryCsv csv, HistoryQueries queries, EpisodeHistoryQueries episodes) {
        this.csv = csv;
        this.queries = queries;
        this.episodes = episodes;
    }

    /** A file to download: its name and content. */
    public record ExportFile(String name, String contentType, byte[] content) {
    }

    /** The user's history in {@code format} as one file (Letterboxd's parts in a ZIP when there are several). */
    public ExportFile export(long userId, HistoryFormat format, String stem) {
        return switch (format) {
            case PATHARY -> csvFile(stem + ".csv", out -> csv.export(userId, out));
            case EPISODES -> csvFile(stem + "-episodes.csv", out -> episodes(userId, out));
            case MOVARY -> csvFile(stem + "-movary-history.csv", out -> movary(userId, out));
            case LETTERBOXD -> {
                List<String> parts = letterboxd(userId);
                yield parts.size() == 1 ? new ExportFile(stem + "-letterboxd.csv", "text/csv; charset=utf-8", parts.getFirst().getBytes(StandardCharsets.UTF_8))
                        : new ExportFile(stem + "-letterboxd.zip", "application/zip", zip(stem + "-letterboxd", parts));
            }
            case TRAKT -> throw new app.pathary.common.InvalidInputException("format: Pathary cannot write Trakt's format (Trakt imports no files).");
        };
    }

    /**
     * Pathary's episodes CSV, one line per episode watch date, oldest first:
     * {@code tvdbId,tmdbId,imdbId,show,year,season,episode,endEpisode,episodeTitle,watchedAt,plays,comment}. Returns the rows.
     */
    public int episodes(long userId, Writer out) {
        try {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(CsvHistoryFiles.EPISODES.toArray(String[]::new)).get().print(out);
            int[] rows = {0};
            episodes.forEach(userId, date -> {
                print(printer, date.show().tvdbId(), date.show().tmdbId(), date.show().imdbId(), date.show().title(), date.show().year(),
                        date.episode().season(), date.episode().number(), date.episode().endNumber(), date.episode().title(),
                        date.watchedAt(), date.plays(), date.comment());
                rows[0]++;
            });
            printer.flush();
            return rows[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Movary's history.csv: one row per play; Pathary keeps no location, so that column stays empty. Returns the rows. */
    public int movary(long userId, Writer out) {
        try {
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(MOVARY_HEADER).setRecordSeparator('\n').get().print(out);
            int rows = each(userId, date -> {
                for (int i = 0; i < date.plays(); i++) {
                    print(printer, date.movie().title(), date.movie().year(), date.movie().tmdbId(), date.movie().imdbId(),
                            date.watchedAt(), date.comment(), null);
                }
            });
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Letterboxd's import CSV, one row per play, in as many parts as its limits need (always at least one). */
    public List<String> letterboxd(long userId) {
        List<String> parts = new ArrayList<>();
        StringWriter[] part = {null};
        CSVPrinter[] printer = {null};
        int[] rows = {0};
        each(userId, date -> {
            for (int i = 0; i < date.plays(); i++) {
                if (printer[0] == null || rows[0] >= LETTERBOXD_ROWS || part[0].getBuffer().length() > LETTERBOXD_BYTES - 2_000) {
                    if (printer[0] != null) {
                        parts.add(part[0].toString());
                    }
                    part[0] = new StringWriter();
                    printer[0] = start(part[0]);
                    rows[0] = 0;
                }
                print(printer[0], date.watchedAt(), date.movie().title(), date.movie().year(), date.movie().tmdbId());
                rows[0]++;
            }
        });
        if (printer[0] == null) {
            part[0] = new StringWriter();
            start(part[0]);
        }
        parts.add(part[0].toString());
        return parts;
    }

    private static CSVPrinter start(StringWriter out) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader(LETTERBOXD_HEADER).get().print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter printer, Object... values) {
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every watch date of the user, oldest first; returns how many. */
    private int each(long userId, Consumer<WatchDate> action) {
        int count = 0;
        HistoryPage page;
        int number = 1;
        do {
            page = queries.page(userId, null, number++, PAGE, HistoryQueries.SortOrder.ASC);
            for (WatchDate date : page.entries()) {
                action.accept(date);
                count++;
            }
        } while (page.currentPage() < page.maxPage());
        return count;
    }

    private static ExportFile csvFile(String name, Consumer<Writer> write) {
        StringWriter out = new StringWriter();
        write.accept(out);
        return new ExportFile(name, "text/csv; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(String stem, List<String> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < parts.size(); i++) {
                zip.putNextEntry(new ZipEntry(stem + "-" + (i + 1) + ".csv"));
                zip.write(parts.get(i).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
