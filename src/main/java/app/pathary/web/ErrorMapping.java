package app.pathary.web;

import app.pathary.common.ConflictException;
import app.pathary.common.ForbiddenException;
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
 * Turns exceptions into answers: JSON {@code {"error": "..."}} under /api, an HTML page elsewhere. Bad input is 400,
 * a request the present state refuses 409 ({@link ConflictException}), a login lockout 429 with {@code Retry-After}. A user never sees
 * a stack trace: a remote system that could not be read is a 502 with its sentence (the trace at DEBUG), and anything
 * unexpected is a 500 with a generic sentence, logged with its trace.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private final Pages pages;

    public ErrorMapping(Pages pages) {
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.exception(InvalidInputException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(ConflictException.class, (e, ctx) -> answer(ctx, 409, e.getMessage()));
        routes.exception(LoginRejectedException.class, (e, ctx) -> {
            if (e.lockedFor().isPresent()) {
                ctx.header("Retry-After", Long.toString(Math.max(1, e.lockedFor().get().toSeconds())));
                answer(ctx, 429, e.getMessage());
            } else {
                answer(ctx, 401, e.getMessage());
            }
        });
        routes.exception(ForbiddenException.class, (e, ctx) -> answer(ctx, 403, e.getMessage()));
        routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404, e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), e.getMessage()));
        routes.exception(RemoteReadException.class, (e, ctx) -> {
            LOG.warn("Request {} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
            LOG.debug("Request {} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 502, e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 500, "Something went wrong on the server; the details are in its log.");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, 404, "There is nothing at " + ctx.path() + ".");
            }
        });
    }

    private void answer(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/health") || wantsJson(ctx)) {
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
