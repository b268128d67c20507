package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** The movie routes of {@link FakeRadarr}; the shared ones are in {@link FakeArrSharedRoutes}. */
final class FakeRadarrRoutes {

    private FakeRadarrRoutes() {
    }

    static void register(FakeArrRoutes routes, FakeRadarrLibrary library) {
        routes.add("GET", "/api/v3/movie", exchange -> {
            Integer tmdbId = exchange.integer("tmdbId");
            exchange.bool("excludeLocalCovers", false);
            ArrayNode movies = FakeArrJson.array();
            library.movies.values().stream().filter(m -> tmdbId == null || m.tmdbId == tmdbId)
                    .forEach(m -> movies.add(FakeRadarrJson.movie(m)));
            exchange.json(movies);
        });
        routes.add("GET", "/api/v3/movie/{id}", exchange -> {
            FakeRadarrMovie movie = library.movies.get(exchange.id());
            if (movie == null) {
                throw FakeArrError.problemNotFound();
            }
            exchange.json(FakeRadarrJson.movie(movie));
        });
        routes.add("PUT", "/api/v3/movie/{id}", exchange -> {
            exchange.id();
            FakeRadarrMovie movie = update(library, exchange.jsonBody());
            exchange.accepted("/api/v3/movie/" + movie.id, FakeRadarrJson.movie(movie));
        });
        routes.add("DELETE", "/api/v3/movie/{id}", exchange -> {
            library.deleteMovie(exchange.id(), exchange.bool("deleteFiles", false),
                    exchange.bool("addImportExclusion", false));
            exchange.ok();
        });
        routes.add("DELETE", "/api/v3/moviefile/{id}", exchange -> {
            library.deleteMovieFile(exchange.id());
            exchange.ok();
        });
    }

    /**
     * Radarr reads the id from the body, validates the resource (id, path and quality profile, as its
     * PUT validator does) and applies what an edit may change: here {@code monitored} and {@code tags}.
     */
    private static FakeRadarrMovie update(FakeRadarrLibrary library, JsonNode body) {
        if (body.path("id").asInt(0) <= 0) {
            throw FakeArrError.validation("Id", "'Id' must be greater than '0'.", body.path("id"));
        }
        if (!body.path("path").isTextual() || body.path("path").asText().isBlank()) {
            throw FakeArrError.validation("Path", "'Path' must not be empty.", body.path("path"));
        }
        if (body.path("qualityProfileId").asInt(0) <= 0) {
            throw FakeArrError.validation("QualityProfileId", "'Quality Profile Id' must be greater than '0'.",
                    body.path("qualityProfileId"));
        }
        FakeRadarrMovie movie = library.movie(body.get("id").asInt());
        movie.monitored = body.path("monitored").asBoolean(false);
        if (body.path("tags").isArray()) {
            movie.tags.clear();
            body.get("tags").forEach(tag -> movie.tags.add(tag.asInt()));
        }
        return movie;
    }
}
