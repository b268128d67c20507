package app.pathary.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** {@code MovieResource} and {@code MovieFileResource} JSON of {@link FakeRadarr}. */
final class FakeRadarrJson {

    private FakeRadarrJson() {
    }

    static ObjectNode movie(FakeRadarrMovie movie) {
        ObjectNode json = FakeArrJson.object().put("id", movie.id).put("title", movie.title)
                .put("originalTitle", movie.title).put("sortTitle", movie.title.toLowerCase(Locale.ROOT))
                .put("sizeOnDisk", movie.fileSize).put("status", "released").put("year", movie.year)
                .put("path", movie.path).put("qualityProfileId", 1).put("hasFile", movie.fileId > 0)
                .put("movieFileId", movie.fileId).put("monitored", movie.monitored)
                .put("minimumAvailability", "released").put("isAvailable", true)
                .put("folderName", movie.path).put("runtime", 0)
                .put("cleanTitle", movie.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))
                .put("imdbId", movie.imdbId).put("tmdbId", movie.tmdbId).put("titleSlug", String.valueOf(movie.tmdbId))
                .put("rootFolderPath", FakeArrSettings.parentOf(movie.path)).put("added", FakeArrJson.date(movie.added))
                .put("popularity", 0.0);
        json.set("originalLanguage", FakeArrJson.object().put("id", 1).put("name", "English"));
        json.putArray("images");
        json.putArray("genres");
        json.putArray("keywords");
        movie.tags.forEach(json.putArray("tags")::add);
        if (movie.fileId > 0) {
            json.set("movieFile", file(movie));
        }
        ObjectNode statistics = json.putObject("statistics");
        statistics.put("movieFileCount", movie.fileId > 0 ? 1 : 0).put("sizeOnDisk", movie.fileSize).putArray("releaseGroups");
        return json;
    }

    private static ObjectNode file(FakeRadarrMovie movie) {
        ObjectNode file = FakeArrJson.object().put("id", movie.fileId).put("movieId", movie.id)
                .put("relativePath", movie.relativePath()).put("path", movie.filePath).put("size", movie.fileSize)
                .put("dateAdded", FakeArrJson.date(movie.fileAdded)).put("customFormatScore", 0).put("indexerFlags", 0)
                .put("qualityCutoffNotMet", false);
        file.putArray("languages").addObject().put("id", 1).put("name", "English");
        ObjectNode quality = file.putObject("quality");
        quality.putObject("quality").put("id", 7).put("name", "Bluray-1080p").put("source", "bluray")
                .put("resolution", 1080).put("modifier", "none");
        quality.putObject("revision").put("version", 1).put("real", 0).put("isRepack", false);
        file.putArray("customFormats");
        return file;
    }
}
