package app.pathary.history;

import app.pathary.web.Caller;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The account page's CSV buttons: download your history ({@code GET /account/history.csv}, and the episodes file
 * {@code GET /account/history-episodes.csv}); the same format as {@code history:export}. Files are imported through
 * the portable import's preview ({@code POST /account/imports}, also answering the old {@code POST /account/history/import}).
 */
final class HistoryCsvPages implements WebRoutes {
    private final HistoryCsv csv;
    private final EpisodeCsv episodes;
    private final Supplier<LocalDate> today;

    HistoryCsvPages(HistoryCsv csv, EpisodeCsv episodes, Supplier<LocalDate> today) {
        this.csv = csv;
        this.episodes = episodes;
        this.today = today;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/account/history.csv", ctx -> export(ctx, "history", csv::export), Role.USER);
        routes.get("/account/history-episodes.csv", ctx -> export(ctx, "episodes", episodes::export), Role.USER);
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
}
