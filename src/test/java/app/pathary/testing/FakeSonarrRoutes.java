package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The series, episode and file routes of {@link FakeSonarr}; the shared ones are in {@link FakeArrSharedRoutes}. */
final class FakeSonarrRoutes {

    private FakeSonarrRoutes() {
    }

    static void register(FakeArrRoutes routes, FakeSonarrLibrary library) {
        FakeArrSettings settings = library.settings;
        routes.add("GET", "/api/v3/series", exchange -> {
            Integer tvdbId = exchange.integer("tvdbId");
            ArrayNode all = FakeArrJson.array();
            library.series.values().stream().filter(s -> tvdbId == null || s.tvdbId == tvdbId)
                    .forEach(s -> all.add(FakeSonarrJson.series(s, library, settings.now())));
            exchange.json(all);
        });
        routes.add("GET", "/api/v3/series/{id}", exchange -> {
            FakeSonarrSeries series = library.series.get(exchange.id());
            if (series == null) {
                throw FakeArrError.problemNotFound();
            }
            exchange.json(FakeSonarrJson.series(series, library, settings.now()));
        });
        routes.add("DELETE", "/api/v3/series/{id}", exchange -> {
            library.deleteSeries(exchange.id(), exchange.bool("deleteFiles", false),
                    exchange.bool("addImportListExclusion", false));
            exchange.ok();
        });
        routes.add("GET", "/api/v3/episode", exchange -> {
            boolean includeFile = exchange.bool("includeEpisodeFile", false);
            ArrayNode answer = FakeArrJson.array();
            episodes(library, exchange).forEach(e -> answer.add(FakeSonarrJson.episode(e, library, includeFile)));
            exchange.json(answer);
        });
        routes.add("PUT", "/api/v3/episode/monitor", exchange -> {
            JsonNode body = exchange.jsonBody();
            if (!body.path("episodeIds").isArray()) {
                throw new NullPointerException("Object reference not set to an instance of an object.");
            }
            List<Integer> ids = new ArrayList<>();
            body.get("episodeIds").forEach(id -> ids.add(id.asInt()));
            ArrayNode answer = FakeArrJson.array();
            library.monitor(ids, body.path("monitored").asBoolean(false))
                    .forEach(e -> answer.add(FakeSonarrJson.episode(e, library, false)));
            exchange.json(202, answer);
        });
        routes.add("GET", "/api/v3/episodefile", exchange -> {
            ArrayNode answer = FakeArrJson.array();
            episodeFiles(library, exchange).forEach(f -> answer.add(FakeSonarrJson.episodeFile(f, library)));
            exchange.json(answer);
        });
        routes.add("DELETE", "/api/v3/episodefile/{id}", exchange -> {
            library.deleteFile(exchange.id());
            exchange.ok();
        });
    }

    /** {@code seriesId} (with {@code seasonNumber}), else {@code episodeIds}, else {@code episodeFileId}, else 400. */
    private static Stream<FakeSonarrEpisode> episodes(FakeSonarrLibrary library, FakeArrExchange exchange) {
        Integer seriesId = exchange.integer("seriesId");
        Integer season = exchange.integer("seasonNumber");
        List<Integer> ids = exchange.integers("episodeIds");
        Integer fileId = exchange.integer("episodeFileId");
        if (seriesId != null) {
            return library.episodesOf(seriesId).stream().filter(e -> season == null || e.seasonNumber == season);
        }
        if (!ids.isEmpty()) {
            return ids.stream().filter(library.episodes::containsKey).map(library.episodes::get);
        }
        if (fileId != null) {
            return library.episodes.values().stream().filter(e -> e.episodeFileId == fileId);
        }
        throw FakeArrError.badRequest("seriesId or episodeIds must be provided");
    }

    /** {@code seriesId} (404 when unknown) or {@code episodeFileIds} (500 when one is unknown), else 400. */
    private static List<FakeSonarrEpisodeFile> episodeFiles(FakeSonarrLibrary library, FakeArrExchange exchange) {
        Integer seriesId = exchange.integer("seriesId");
        List<Integer> ids = exchange.integers("episodeFileIds");
        if (seriesId == null && ids.isEmpty()) {
            throw FakeArrError.badRequest("seriesId or episodeFileIds must be provided");
        }
        if (seriesId != null) {
            if (!library.series.containsKey(seriesId)) {
                throw FakeArrError.modelNotFound("Series", seriesId);
            }
            return library.filesOf(seriesId);
        }
        List<FakeSonarrEpisodeFile> found = ids.stream().distinct().filter(library.files::containsKey)
                .map(library.files::get).toList();
        if (found.size() != ids.stream().distinct().count()) {
            throw FakeArrError.expectedRows((int) ids.stream().distinct().count(), found.size());
        }
        return found;
    }
}
