package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.common.Plural;
import app.pathary.history.HistoryChange.Source;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The account page's CSV buttons: download your history ({@code GET /account/history.csv}, and the episodes file
 * {@code GET /account/history-episodes.csv}) and add the watch dates of either CSV file (told apart by its header) to it ({@code POST /account/history/import}, a multipart form with the field {@code file}); the same
 * format and rules as {@code history:export} and {@code history:import}. A bad file answers 400 with the line and the
 * reason; nothing of it is stored.
 */
final class HistoryCsvPages implements WebRoutes {
    static final String ACCOUNT = "/account";
    private final HistoryCsv csv;
    private final EpisodeCsv episodes;
    private final CsvImport imports;
    private final Supplier<LocalDate> today;

    HistoryCsvPages(HistoryCsv csv, EpisodeCsv episodes, CsvImport imports, Supplier<LocalDate> today) {
        this.csv = csv;
        this.episodes = episodes;
        this.imports = imports;
        this.today = today;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/account/history.csv", ctx -> export(ctx, "history", csv::export), Role.USER);
        routes.get("/account/history-episodes.csv", ctx -> export(ctx, "episodes", episodes::export), Role.USER);
        routes.post("/account/history/import", this::importFile, Role.USER);
    }

    /** Writes a user's file. */
    @FunctionalInterface
    private interface Export {
        int write(long userId, Writer out);
    }

    /** Sends one of the user's files: {@code pathary-history-<today>.csv} or {@code pathary-episodes-<today>.csv}. */
    private void export(Context ctx, String name, Export export) throws Exception {
        long userId = Caller.require(ctx).id();
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"pathary-" + name + "-" + today.get() + ".csv\"");
        ctx.header("Cache-Control", "no-store");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            export.write(userId, out);
        }
    }

    private void importFile(Context ctx) throws Exception {
        long userId = Caller.require(ctx).id();
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw new InvalidInputException("file: choose a CSV file to import (the one the export button downloads has the right columns).");
        }
        CsvImport.Result result;
        try (Reader in = new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
            result = imports.importFrom(userId, in, Source.CSV_IMPORT);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("file " + file.filename() + ": " + e.getMessage());
        }
        Flash.success(ctx, "Imported " + file.filename() + (result.kind().equals("episodes") ? " (episodes)" : "") + ": read "
                + Plural.of(result.rows(), "row") + "; " + Plural.of(result.datesAddedOrChanged(), "watch date")
                + " added or changed. Nothing was removed.");
        ctx.redirect(ACCOUNT);
    }
}
