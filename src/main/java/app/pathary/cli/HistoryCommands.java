package app.pathary.cli;

import app.pathary.common.Plural;
import app.pathary.App;
import app.pathary.common.InvalidInputException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.portable.HistoryExports;
import app.pathary.history.portable.HistoryFormat;
import app.pathary.history.portable.HistoryImports;
import app.pathary.history.portable.ImportPreview;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code history:export} and {@code history:import} (CSV: tmdbId,imdbId,title,year,watchedAt,plays,comment). */
final class HistoryCommands {
    private HistoryCommands() {
    }

    @Command(name = "history:export", description = "Writes a user's history to a file or to standard output: Pathary CSV (default), Pathary episodes CSV,"
            + " Movary history.csv, or Letterboxd import CSV (a ZIP of parts when it passes Letterboxd's limit).")
    static final class Export extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;
        @Option(names = "--file", paramLabel = "F", description = "write to this file instead of standard output")
        Path file;
        @Option(names = "--format", paramLabel = "FORMAT", description = "pathary (default), episodes, movary or letterboxd")
        String format = "pathary";
        @Option(names = "--episodes", description = "the same as --format episodes: the episodes file instead of the movies file")
        boolean episodes;

        @Override
        int run(App app) throws IOException {
            app.users.accounts().get(userId);
            HistoryFormat chosen = episodes ? HistoryFormat.EPISODES : HistoryFormat.of(format, "--format");
            if (chosen == HistoryFormat.PATHARY || chosen == HistoryFormat.EPISODES) {
                boolean ofEpisodes = chosen == HistoryFormat.EPISODES;
                if (file == null) {
                    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                    write(app, out, ofEpisodes);
                    out.flush();
                    return 0;
                }
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    int rows = write(app, out, ofEpisodes);
                    System.err.println("Wrote " + Plural.of(rows, ofEpisodes ? "episode watch date" : "watch date") + " to " + file + ".");
                }
                return 0;
            }
            HistoryExports.ExportFile written = app.history.exports().export(userId, chosen, "pathary-history");
            if (file == null) {
                if (written.contentType().startsWith("application/zip")) {
                    throw new InvalidInputException("The Letterboxd export has several parts; give --file F.zip to write them as a ZIP.");
                }
                System.out.write(written.content());
                System.out.flush();
                return 0;
            }
            Files.write(file, written.content());
            System.err.println("Wrote " + written.name().replace("pathary-history", "the history") + " to " + file + ".");
            return 0;
        }

        private int write(App app, Writer out, boolean ofEpisodes) {
            return ofEpisodes ? app.history.episodeCsv().export(userId, out) : app.history.csv().export(userId, out);
        }
    }

    @Command(name = "history:import", description = "Adds the watch dates of a history file to a user's history (never deletes):"
            + " Pathary (movies or episodes) or Movary CSV, Letterboxd diary.csv or export ZIP, Trakt export ZIP; the format is told from the content.")
    static final class Import extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;
        @Parameters(index = "1", paramLabel = "<file>")
        Path file;
        @Option(names = "--format", paramLabel = "FORMAT", description = "auto (default), pathary, episodes, movary, letterboxd or trakt")
        String format = "auto";
        @Option(names = "--dry-run", description = "only tell what would be added")
        boolean dryRun;

        @Override
        int run(App app) throws IOException {
            var user = app.users.accounts().get(userId);
            HistoryFormat chosen = format.equalsIgnoreCase("auto") ? null : HistoryFormat.of(format, "--format");
            byte[] content;
            try {
                if (Files.size(file) > MAX_BYTES) {
                    throw new InvalidInputException("The file " + file + " has more than " + (MAX_BYTES >> 20) + " MB; split it.");
                }
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("There is no file " + file + ".");
            }
            HistoryImports imports = app.history.imports(app.posters.search());
            long id = imports.stage(userId, user.isAdmin(), content, file.getFileName().toString(), chosen);
            ImportPreview preview = imports.preview(userId, id);
            System.out.println("Read " + file.getFileName() + " as " + preview.format().label() + ": "
                    + Plural.of(preview.newDates(), "new watch date") + ", " + Plural.of(preview.addedPlays(), "play") + " added, "
                    + preview.unchanged() + " already there.");
            for (ImportPreview.Line line : preview.unmatched()) {
                System.err.println("Line " + line.line() + ": no single film is called '" + line.title() + "'" + (line.year() == null ? "" : " (" + line.year() + ")")
                        + "; left out (resolve it on the account page's import preview).");
            }
            if (preview.newEpisodeDates() + preview.addedEpisodePlays() > 0) {
                System.out.println("Episodes: " + Plural.of(preview.newEpisodeDates(), "new watch date") + ", "
                        + Plural.of(preview.addedEpisodePlays(), "play") + " added.");
            }
            if (dryRun) {
                imports.discard(userId, id);
                System.out.println("Dry run: nothing was stored.");
                return 0;
            }
            int[] shown = {-1};
            HistoryImports.Committed committed = imports.commit(userId, id, (done, total) -> {
                int tenth = total == 0 ? 10 : done * 10 / total;
                if (total >= 10_000 && tenth > shown[0]) {
                    shown[0] = tenth;
                    System.err.println("Committing: " + done + " / " + total + " rows");
                }
            });
            System.out.println("Read " + Plural.of(preview.rows(), "row") + (preview.format() == HistoryFormat.EPISODES ? " of episodes" : "")
                    + "; " + Plural.of(committed.datesAddedOrChanged(), "watch date") + " added or changed.");
            return 0;
        }
    }

    private static final long MAX_BYTES = 256L * 1024 * 1024;
}
