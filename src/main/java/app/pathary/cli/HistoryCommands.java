package app.pathary.cli;

import app.pathary.common.Plural;
import app.pathary.App;
import app.pathary.common.InvalidInputException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.CsvImport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code history:export} and {@code history:import} (CSV: tmdbId,imdbId,title,year,watchedAt,plays,comment; the episodes file
 * with {@code --episodes}: tvdbId,tmdbId,imdbId,title,year,season,episode,endEpisode,episodeTitle,watchedAt,plays,comment).
 */
final class HistoryCommands {
    private HistoryCommands() {
    }

    @Command(name = "history:export", description = "Writes a user's history as CSV to a file or to standard output.")
    static final class Export extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;
        @Option(names = "--file", paramLabel = "F", description = "write to this file instead of standard output")
        Path file;
        @Option(names = "--episodes", description = "write the episodes file (tvdbId,tmdbId,imdbId,title,year,season,episode,...) "
                + "instead of the movies file")
        boolean episodes;

        @Override
        int run(App app) throws IOException {
            app.users.accounts().get(userId);
            if (file == null) {
                Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                write(app, out);
                out.flush();
                return 0;
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                int rows = write(app, out);
                System.err.println("Wrote " + Plural.of(rows, episodes ? "episode watch date" : "watch date") + " to " + file + ".");
            }
            return 0;
        }

        private int write(App app, Writer out) {
            return episodes ? app.history.episodeCsv().export(userId, out) : app.history.csv().export(userId, out);
        }
    }

    @Command(name = "history:import", description = "Adds the watch dates of a CSV file (movies or episodes, told by its header) to a user's "
            + "history (never deletes).")
    static final class Import extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;
        @Parameters(index = "1", paramLabel = "<file>")
        Path file;

        @Override
        int run(App app) throws IOException {
            app.users.accounts().get(userId);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                CsvImport.Result result = app.history.csvImport().importFrom(userId, in, Source.CSV_IMPORT);
                System.out.println("Read " + Plural.of(result.rows(), "row") + (result.kind().equals("episodes") ? " of episodes" : "") + "; "
                        + Plural.of(result.datesAddedOrChanged(), "watch date") + " added or changed.");
                return 0;
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("There is no file " + file + ".");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new InvalidInputException("The file " + file + " is not UTF-8 text.");
            }
        }
    }
}
