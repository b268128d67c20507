package app.pathary.web;

import app.pathary.common.ForbiddenException;
import app.pathary.db.DatabaseFaults;
import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.common.LoginRejectedException;
import app.pathary.common.RemoteReadException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into answers: JSON {@code {"error": "..."}} under /api, an HTML page elsewhere. A user never sees
 * a stack trace: a remote system that could not be read is a 502 with its sentence (the trace at DEBUG), a database
 * that cannot be used (full disk, read-only, locked, deleted file, server down) a 503 with the reason, and anything
 * unexpected is a 500 with a generic sentence, logged with its trace. A client that closes or stalls before its body
 * is complete gets a 400 and costs the log one line a minute at most ({@link ClientGaveUp}). Logs name the route
 * template, never the path, which may hold a secret (the webhook id).
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private final Pages pages;
    private final ClientGaveUp gaveUp = new ClientGaveUp(java.time.Clock.systemUTC());

    public ErrorMapping(Pages pages) {
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.exception(InvalidInputException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(LoginRejectedException.class, (e, ctx) -> answer(ctx, 401, e.getMessage()));
        routes.exception(ForbiddenException.class, (e, ctx) -> answer(ctx, 403, e.getMessage()));
        routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404, e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), e.getMessage()));
        routes.exception(RemoteReadException.class, (e, ctx) -> {
            LOG.warn("Request {} {} failed: {}", ctx.method(), AppPath.route(ctx), e.getMessage());
            LOG.debug("Request {} {} failed", ctx.method(), AppPath.route(ctx), e);
            answer(ctx, 502, e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (ClientGaveUp.isCause(e)) {
                gaveUp.note(ctx.method() + " " + AppPath.route(ctx));
                answer(ctx, 400, "The request could not be read to its end: the connection closed or stalled before the body was complete.");
                return;
            }
            var databaseFault = DatabaseFaults.reason(e);
            if (databaseFault.isPresent()) {
                unavailable(ctx, databaseFault.get(), e);
                return;
            }
            LOG.error("Request {} {} failed", ctx.method(), AppPath.route(ctx), e);
            answer(ctx, 500, "Something went wrong on the server; the details are in its log.");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, 404, "There is nothing at " + AppPath.of(ctx) + ".");
            }
        });
    }

    /** The database cannot be used (full disk, read-only, locked, gone): 503 with the reason, the trace at DEBUG. */
    private void unavailable(Context ctx, String reason, Exception e) {
        LOG.warn("Request {} {} failed: the database cannot be used: {}", ctx.method(), AppPath.route(ctx), reason);
        LOG.debug("Request {} {} failed", ctx.method(), AppPath.route(ctx), e);
        ctx.header("Retry-After", "30");
        String sentence = reason.startsWith("The ") || reason.startsWith("Pathary ") ? reason
                : "The database cannot be used right now: " + reason + ". Nothing was changed; try again once it is fixed.";
        answer(ctx, 503, sentence);
    }

    private void answer(Context ctx, int status, String message) {
        ctx.status(status);
        if (AppPath.of(ctx).startsWith("/api/") || AppPath.of(ctx).equals("/health") || wantsJson(ctx)) {
            ctx.json(Map.of("error", message == null ? "error" : message));
            return;
        }
        try {
            pages.render(ctx, "error.jte", "Error " + status, Map.of("status", status, "message", message));
        } catch (RuntimeException renderFailure) {
            LOG.error("The error page could not be rendered", renderFailure);
            ctx.result(message);
        }
    }
    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
