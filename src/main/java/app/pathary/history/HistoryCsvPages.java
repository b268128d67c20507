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
 * The account page's CSV buttons: download your history ({@code GET /account/history.csv}) and add the watch dates of
 * a CSV file to it ({@code POST /account/history/import}, a multipart form with the field {@code file}); the same
 * format and rules as {@code history:export} and {@code history:import}. A bad file answers 400 with the line and the
 * reason; nothing of it is stored.
 */
final class HistoryCsvPages implements WebRoutes {
    static final String ACCOUNT = "/account";
    private final HistoryCsv csv;
    private final Supplier<LocalDate> today;

    HistoryCsvPages(HistoryCsv csv, Supplier<LocalDate> today) {
        this.csv = csv;
        this.today = today;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/account/history.csv", this::export, Role.USER);
        routes.post("/account/history/import", this::importFile, Role.USER);
    }

    private void export(Context ctx) throws Exception {
        long userId = Caller.require(ctx).id();
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"pathary-history-" + today.get() + ".csv\"");
        ctx.header("Cache-Control", "no-store");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            csv.export(userId, out);
        }
    }

    private void importFile(Context ctx) throws Exception {
        long userId = Caller.require(ctx).id();
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw new InvalidInputException("file: choose a CSV file to import (the one the export button downloads has the right columns).");
        }
        HistoryCsv.ImportResult result;
        try (Reader in = new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
            result = csv.importFrom(userId, in, Source.CSV_IMPORT);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("file " + file.filename() + ": " + e.getMessage());
        }
        Flash.success(ctx, "Imported " + file.filename() + ": read " + Plural.of(result.rows(), "row") + "; "
                + Plural.of(result.datesAddedOrChanged(), "watch date") + " added or changed. Nothing was removed.");
        ctx.redirect(ACCOUNT);
    }
}
