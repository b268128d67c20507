package app.pathary.history;

import app.pathary.history.HistoryChange.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Imports either Pathary CSV file, told apart by its header: the episodes file names the columns {@code season} and
 * {@code episode}; anything else is read as the movies file (whose header errors then explain what is expected).
 */
public final class CsvImport {
    private static final int HEADER_LIMIT = 64 * 1024;
    private final HistoryCsv movies;
    private final EpisodeCsv episodes;

    public CsvImport(HistoryCsv movies, EpisodeCsv episodes) {
        this.movies = movies;
        this.episodes = episodes;
    }

    /** What an import read and changed, and which file it was ("movies" or "episodes"). */
    public record Result(String kind, int rows, int datesAddedOrChanged) {
    }

    public Result importFrom(long userId, Reader reader, Source source) {
        BufferedReader in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        String firstLine;
        try {
            in.mark(HEADER_LIMIT);
            firstLine = in.readLine();
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (firstLine != null && EpisodeCsv.isEpisodesHeader(firstLine)) {
            HistoryCsv.ImportResult result = episodes.importFrom(userId, in, source);
            return new Result("episodes", result.rows(), result.datesAddedOrChanged());
        }
        HistoryCsv.ImportResult result = movies.importFrom(userId, in, source);
        return new Result("movies", result.rows(), result.datesAddedOrChanged());
    }
}
