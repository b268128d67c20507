package app.pathary.history.portable;

import app.pathary.common.InvalidInputException;
import app.pathary.job.Job;
import app.pathary.job.JobQueue;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account page's import and export: {@code GET /account/history/export?format=…} downloads the history as
 * Pathary, Movary or Letterboxd CSV; {@code POST /account/imports} (and the old {@code POST /account/history/import}) uploads a file of any supported format (at most
 * {@link #MAX_UPLOAD_MB} MB) and shows its preview at {@code /account/imports/{id}}, where unmatched rows are resolved by
 * TMDb id and the import is committed (all or nothing, as a job whose progress the same page shows, then its result) or
 * discarded.
 */
public final class PortablePages implements WebRoutes {
    static final int MAX_UPLOAD_MB = 10;
    static final long MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024L * 1024;
    private final Pages pages;
    private final HistoryImports imports;
    private final HistoryExports exports;
    private final Supplier<LocalDate> today;
    private final JobQueue jobs;

    public PortablePages(Pages pages, HistoryImports imports, HistoryExports exports, Supplier<LocalDate> today, JobQueue jobs) {
        this.pages = pages;
        this.imports = imports;
        this.exports = exports;
        this.today = today;
        this.jobs = jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/account/history/export", this::export, Role.USER);
        routes.post("/account/imports", this::upload, Role.USER);
        // the account page's old CSV import (no preview) answers like the upload: its preview, then the commit
        routes.post("/account/history/import", this::upload, Role.USER);
        routes.get("/account/imports/{id}", this::preview, Role.USER);
        routes.post("/account/imports/{id}/resolve", this::resolve, Role.USER);
        routes.post("/account/imports/{id}/commit", this::commit, Role.USER);
        routes.post("/account/imports/{id}/discard", this::discard, Role.USER);
    }

    private void export(Context ctx) throws IOException {
        long userId = Caller.require(ctx).id();
        HistoryFormat format = HistoryFormat.of(ctx.queryParam("format") == null ? "pathary" : ctx.queryParam("format"), "format");
        HistoryExports.ExportFile file = exports.export(userId, format, "pathary-history-" + today.get());
        ctx.contentType(file.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.result(file.content());
    }

    private void upload(Context ctx) throws IOException {
        Caller caller = Caller.require(ctx);
        long declared = ctx.contentLength();
        if (declared > MAX_UPLOAD_BYTES + 64 * 1024) {
            throw tooLarge(declared);
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw new InvalidInputException("file: choose a file to import (Pathary or Movary CSV, Letterboxd diary.csv or export ZIP, Trakt export ZIP).");
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            throw tooLarge(file.size());
        }
        String formatText = ctx.formParam("format");
        HistoryFormat format = formatText == null || formatText.isBlank() || formatText.equals("auto") ? null : HistoryFormat.of(formatText, "format");
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readNBytes((int) MAX_UPLOAD_BYTES + 1);
        }
        String name = file.filename() == null || file.filename().isBlank() ? "the file" : file.filename();
        long id;
        try {
            id = imports.stage(caller.id(), caller.isAdmin(), content, name, format);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("file " + name + ": " + e.getMessage());
        }
        ctx.redirect("/account/imports/" + id);
    }

    private static InvalidInputException tooLarge(long bytes) {
        return new InvalidInputException("file: at most " + MAX_UPLOAD_MB + " MB can be imported at once, and this upload has "
                + Math.max(MAX_UPLOAD_MB + 1, (bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " MB; zip it or import it in parts.");
    }

    /** The import's page: its preview while staged, the commit's live progress while its job runs, then the result. */
    private void preview(Context ctx) {
        long userId = Caller.require(ctx).id();
        HistoryImports.State state = imports.state(userId, PathIds.of(ctx, "id"));
        Optional<Job> job = state.jobId() == null ? Optional.empty() : jobs.find(state.jobId());
        if (state.result() != null) {
            pages.render(ctx, "history/import-result.jte", "Imported " + state.fileName(), Map.of("state", state, "result", state.result()));
        } else if (state.status().equals("committing") && job.filter(j -> !j.finished()).isPresent()) {
            pages.render(ctx, "history/import-progress.jte", "Importing " + state.fileName(), Map.of("state", state));
        } else {
            ImportPreview preview = imports.preview(userId, state.id());
            String failure = job.filter(j -> j.status() == Job.Status.FAILED).map(Job::lastError).orElse("");
            pages.render(ctx, "history/import-preview.jte", "Import " + preview.fileName(), Map.of("preview", preview, "failure", failure));
        }
    }

    private void resolve(Context ctx) {
        long id = PathIds.of(ctx, "id");
        int line = (int) PathIds.parse(ctx.formParam("line"), "line");
        String tmdb = ctx.formParam("tmdbId") == null ? "" : ctx.formParam("tmdbId").strip();
        if (!tmdb.matches("\\d{1,9}")) {
            throw new InvalidInputException("tmdbId must be the number of the film on themoviedb.org, not '" + tmdb + "'.");
        }
        imports.resolve(Caller.require(ctx).id(), id, line, Integer.parseInt(tmdb));
        Flash.success(ctx, "Line " + line + " now names TMDb id " + tmdb + ".");
        ctx.redirect("/account/imports/" + id);
    }

    /** Queues the commit (once, however often it is clicked) and shows its progress on the import's page. */
    private void commit(Context ctx) {
        long id = PathIds.of(ctx, "id");
        imports.startCommit(Caller.require(ctx).id(), id, jobs);
        ctx.redirect("/account/imports/" + id);
    }

    private void discard(Context ctx) {
        imports.discard(Caller.require(ctx).id(), PathIds.of(ctx, "id"));
        Flash.success(ctx, "The import was discarded; nothing was added.");
        ctx.redirect("/account");
    }
}
