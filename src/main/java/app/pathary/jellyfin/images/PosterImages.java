package app.pathary.jellyfin.images;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.web.Caller;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /img/{kind}/{id}?w=}: a poster, through Pathary. {@code kind} is {@code movie} (a Pathary movie id, whose
 * Jellyfin item the library index knows) or {@code item} (a Jellyfin item id). A user sees the movies of their history
 * and the items of their Jellyfin library; admins see all. Anything else is a 404, as for a picture that does not
 * exist. When there is no picture (no Jellyfin, no item, Jellyfin has none, or reading it failed) the answer is a
 * placeholder; a failure's placeholder is never kept by the browser.
 */
final class PosterImages implements WebRoutes {
    static final Set<Integer> WIDTHS = Set.of(160, 320, 480);
    static final int DEFAULT_WIDTH = 320;
    private static final String KEEP = "private, max-age=86400";
    private static final String PLACEHOLDER_KEEP = "private, max-age=600";
    private static final byte[] PLACEHOLDER = placeholder();
    private final PosterAccess access;
    private final PosterFetch fetch;
    private final PosterServers servers;
    private final LibraryCheck library;

    PosterImages(PosterAccess access, PosterFetch fetch, PosterServers servers, LibraryCheck library) {
        this.access = access;
        this.fetch = fetch;
        this.servers = servers;
        this.library = library;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/img/{kind}/{id}", this::poster, Role.USER);
    }

    private void poster(Context ctx) {
        Caller caller = Caller.require(ctx);
        int width = width(ctx.queryParam("w"));
        Optional<String> item = switch (ctx.pathParam("kind")) {
            case "movie" -> movieItem(caller, ctx.pathParam("id"));
            case "item" -> Optional.of(visibleItem(caller, ctx.pathParam("id")));
            default -> throw new NotFoundException("There is no such picture.");
        };
        Optional<JellyfinServer> server = servers.forImages(caller.id());
        if (item.isEmpty() || server.isEmpty()) {
            placeholder(ctx, PLACEHOLDER_KEEP);
            return;
        }
        switch (fetch.poster(server.get(), item.get(), width)) {
            case PosterFetch.Result.Found found -> send(ctx, found.poster());
            case PosterFetch.Result.NoPicture none -> placeholder(ctx, PLACEHOLDER_KEEP);
            case PosterFetch.Result.Failed failed -> placeholder(ctx, "no-store");
        }
    }

    private Optional<String> movieItem(Caller caller, String id) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFoundException("There is no such picture.");
        }
        long movieId = Long.parseLong(id);
        if (!caller.isAdmin() && !access.movieVisible(caller.id(), movieId)) {
            throw new NotFoundException("There is no such picture.");
        }
        return access.itemOfMovie(caller.id(), movieId);
    }

    private String visibleItem(Caller caller, String id) {
        String itemId = id.replace("-", "").toLowerCase(Locale.ROOT);
        if (!itemId.matches("[0-9a-f]{32}")) {
            throw new NotFoundException("There is no such picture.");
        }
        if (!caller.isAdmin() && !access.itemVisible(caller.id(), itemId) && !library.sees(caller.id(), itemId)) {
            throw new NotFoundException("There is no such picture.");
        }
        return itemId;
    }

    private static int width(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_WIDTH;
        }
        if (!value.strip().matches("\\d{1,4}") || !WIDTHS.contains(Integer.parseInt(value.strip()))) {
            throw new InvalidInputException("w must be one of 160, 320 or 480 (pixels).");
        }
        return Integer.parseInt(value.strip());
    }

    private static void send(Context ctx, PosterCache.Stored poster) {
        String etag = "\"" + poster.etag() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", KEEP);
        String asked = ctx.header("If-None-Match");
        if (asked != null && (asked.contains(etag) || asked.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(poster.contentType());
        ctx.result(poster.bytes());
    }

    private static void placeholder(Context ctx, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("X-Poster", "placeholder");
        ctx.contentType("image/svg+xml");
        ctx.result(PLACEHOLDER);
    }

    private static byte[] placeholder() {
        try (InputStream in = PosterImages.class.getResourceAsStream("/static/poster-placeholder.svg")) {
            if (in == null) {
                throw new IllegalStateException("static/poster-placeholder.svg is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
