package app.pathary.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code SeriesResource}, {@code EpisodeResource} and {@code EpisodeFileResource} JSON of {@link FakeSonarr}.
 * Statistics follow Sonarr's SQL ({@code SeriesStatisticsRepository}).
 */
final class FakeSonarrJson {

    private FakeSonarrJson() {
    }

    /** One season's statistics as Sonarr computes them at {@code now}. */
    record SeasonStatistics(int episodeFileCount, int episodeCount, int totalEpisodeCount, long sizeOnDisk,
                            Instant nextAiring, Instant previousAiring) {

        static SeasonStatistics of(FakeSonarrLibrary library, int seriesId, int season, Instant now) {
            List<FakeSonarrEpisode> episodes = library.episodesOf(seriesId).stream()
                    .filter(e -> e.seasonNumber == season).toList();
            int withFile = (int) episodes.stream().filter(e -> e.episodeFileId > 0).count();
            int counted = (int) episodes.stream().filter(e -> e.episodeFileId > 0 || (e.monitored && aired(e, now))).count();
            Instant next = episodes.stream()
                    .filter(e -> e.airDateUtc != null && !e.airDateUtc.isBefore(now) && e.episodeFileId == 0 && e.monitored)
                    .map(e -> e.airDateUtc).min(Instant::compareTo).orElse(null);
            Instant previous = episodes.stream()
                    .filter(e -> e.airDateUtc != null && e.airDateUtc.isBefore(now) && (e.episodeFileId > 0 || e.monitored))
                    .map(e -> e.airDateUtc).max(Instant::compareTo).orElse(null);
            long size = library.filesOf(seriesId).stream().filter(f -> f.seasonNumber == season).mapToLong(f -> f.size).sum();
            return new SeasonStatistics(withFile, counted, episodes.size(), size, next, previous);
        }

        private static boolean aired(FakeSonarrEpisode episode, Instant now) {
            return episode.airDateUtc != null && !episode.airDateUtc.isAfter(now);
        }

        ObjectNode json() {
            ObjectNode json = FakeArrJson.object().put("nextAiring", FakeArrJson.date(nextAiring))
                    .put("previousAiring", FakeArrJson.date(previousAiring)).put("episodeFileCount", episodeFileCount)
                    .put("episodeCount", episodeCount).put("totalEpisodeCount", totalEpisodeCount)
                    .put("sizeOnDisk", sizeOnDisk).put("percentOfEpisodes", percent(episodeFileCount, episodeCount));
            json.putArray("releaseGroups");
            return json;
        }
    }

    static ObjectNode series(FakeSonarrSeries series, FakeSonarrLibrary library, Instant now) {
        ObjectNode json = FakeArrJson.object().put("id", series.id).put("title", series.title)
                .put("sortTitle", series.title.toLowerCase(Locale.ROOT)).put("status", series.status)
                .put("ended", series.status.equals("ended")).put("year", year(series, library))
                .put("path", series.path).put("qualityProfileId", 1).put("seasonFolder", true)
                .put("monitored", series.monitored).put("monitorNewItems", "all").put("useSceneNumbering", false)
                .put("runtime", 0).put("tvdbId", series.tvdbId).put("tvRageId", 0).put("tvMazeId", 0)
                .put("tmdbId", series.tmdbId).put("seriesType", "standard")
                .put("cleanTitle", series.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))
                .put("imdbId", series.imdbId).put("titleSlug", series.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                .put("rootFolderPath", FakeArrSettings.parentOf(series.path)).put("added", FakeArrJson.date(series.added))
                .put("languageProfileId", 1);
        json.putArray("alternateTitles");
        json.putArray("images");
        json.putArray("genres");
        json.set("originalLanguage", FakeArrJson.object().put("id", 1).put("name", "English"));
        json.set("ratings", FakeArrJson.object().put("votes", 0).put("value", 0.0));
        series.tags.forEach(json.putArray("tags")::add);
        ArrayNode seasons = json.putArray("seasons");
        int episodeFiles = 0;
        int counted = 0;
        int total = 0;
        long size = 0;
        Instant next = null;
        Instant previous = null;
        for (var season : series.seasons.entrySet()) {
            ObjectNode seasonJson = seasons.addObject().put("seasonNumber", season.getKey()).put("monitored", season.getValue());
            seasonJson.putArray("images");
            if (library.episodesOf(series.id).stream().noneMatch(e -> e.seasonNumber == season.getKey())) {
                continue;
            }
            SeasonStatistics statistics = SeasonStatistics.of(library, series.id, season.getKey(), now);
            seasonJson.set("statistics", statistics.json());
            episodeFiles += statistics.episodeFileCount();
            counted += statistics.episodeCount();
            total += statistics.totalEpisodeCount();
            size += statistics.sizeOnDisk();
            next = earliest(next, statistics.nextAiring());
            previous = latest(previous, statistics.previousAiring());
        }
        json.put("nextAiring", FakeArrJson.date(series.nextAiring != null ? series.nextAiring : next))
                .put("previousAiring", FakeArrJson.date(previous));
        ObjectNode statistics = json.putObject("statistics")
                .put("seasonCount", (int) series.seasons.keySet().stream().filter(n -> n > 0).count())
                .put("episodeFileCount", episodeFiles).put("episodeCount", counted).put("totalEpisodeCount", total)
                .put("sizeOnDisk", size).put("percentOfEpisodes", percent(episodeFiles, counted));
        statistics.putArray("releaseGroups");
        return json;
    }

    static ObjectNode episode(FakeSonarrEpisode episode, FakeSonarrLibrary library, boolean includeEpisodeFile) {
        ObjectNode json = FakeArrJson.object().put("id", episode.id).put("seriesId", episode.seriesId).put("tvdbId", 0)
                .put("episodeFileId", episode.episodeFileId).put("seasonNumber", episode.seasonNumber)
                .put("episodeNumber", episode.episodeNumber)
                .put("title", "Episode " + episode.episodeNumber)
                .put("airDate", episode.airDateUtc == null ? null : episode.airDateUtc.atZone(ZoneOffset.UTC).toLocalDate().toString())
                .put("airDateUtc", FakeArrJson.date(episode.airDateUtc)).put("runtime", 0)
                .put("hasFile", episode.episodeFileId > 0).put("monitored", episode.monitored)
                .put("unverifiedSceneNumbering", false);
        FakeSonarrEpisodeFile file = library.files.get(episode.episodeFileId);
        if (includeEpisodeFile && file != null) {
            json.set("episodeFile", episodeFile(file, library));
        }
        return json;
    }

    static ObjectNode episodeFile(FakeSonarrEpisodeFile file, FakeSonarrLibrary library) {
        String folder = Objects.requireNonNull(library.everSeries.get(file.seriesId)).path.replaceAll("/+$", "") + "/";
        long episodesOnFile = library.episodes.values().stream().filter(e -> e.episodeFileId == file.id).count();
        ObjectNode json = FakeArrJson.object().put("id", file.id).put("seriesId", file.seriesId)
                .put("seasonNumber", file.seasonNumber)
                .put("relativePath", file.path.startsWith(folder) ? file.path.substring(folder.length())
                        : file.path.substring(file.path.lastIndexOf('/') + 1))
                .put("path", file.path).put("size", file.size).put("dateAdded", FakeArrJson.date(file.dateAdded))
                .put("customFormatScore", 0).put("indexerFlags", 0)
                .put("releaseType", episodesOnFile > 1 ? "multiEpisode" : "singleEpisode").put("qualityCutoffNotMet", false);
        json.putArray("languages").addObject().put("id", 1).put("name", "English");
        ObjectNode quality = json.putObject("quality");
        quality.putObject("quality").put("id", 3).put("name", "WEBDL-1080p").put("source", "web").put("resolution", 1080);
        quality.putObject("revision").put("version", 1).put("real", 0).put("isRepack", false);
        json.putArray("customFormats");
        return json;
    }

    private static int year(FakeSonarrSeries series, FakeSonarrLibrary library) {
        return library.episodesOf(series.id).stream().filter(e -> e.airDateUtc != null).map(e -> e.airDateUtc)
                .min(Instant::compareTo).map(first -> first.atZone(ZoneOffset.UTC).getYear()).orElse(0);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0.0 : part * 100.0 / whole;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
