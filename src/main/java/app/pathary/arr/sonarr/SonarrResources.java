package app.pathary.arr.sonarr;

import app.pathary.arr.ArrObject;
import java.util.List;

/** Reads Sonarr's {@code SeriesResource}, {@code EpisodeResource} and {@code EpisodeFileResource} JSON. */
final class SonarrResources {

    private SonarrResources() {
    }

    static SonarrSeries series(ArrObject series) {
        String status = series.text("status");
        boolean ended = series.has("ended") ? series.bool("ended") : "ended".equals(status);
        List<SeasonInfo> seasons = series.objects("seasons").stream().map(SonarrResources::season).toList();
        return new SonarrSeries(series.requiredInt("id"), series.text("title"), series.positiveIntOrNull("tvdbId"),
                series.positiveIntOrNull("tmdbId"), series.text("imdbId"), series.text("path"), status, ended,
                series.bool("monitored"), series.ints("tags"), seasons, series.instant("nextAiring"));
    }

    private static SeasonInfo season(ArrObject season) {
        int number = season.intOr("seasonNumber", 0);
        boolean monitored = season.bool("monitored");
        ArrObject statistics = season.object("statistics");
        if (statistics == null) {
            return new SeasonInfo(number, monitored, 0, 0, 0, 0, null);
        }
        return new SeasonInfo(number, monitored, statistics.intOr("episodeFileCount", 0),
                statistics.intOr("episodeCount", 0), statistics.intOr("totalEpisodeCount", 0),
                statistics.longOr("sizeOnDisk", 0), statistics.instant("nextAiring"));
    }

    static SonarrEpisode episode(ArrObject episode) {
        int fileId = episode.intOr("episodeFileId", 0);
        boolean hasFile = episode.has("hasFile") ? episode.bool("hasFile") : fileId > 0;
        return new SonarrEpisode(episode.requiredInt("id"), episode.intOr("seriesId", 0),
                episode.intOr("seasonNumber", 0), episode.intOr("episodeNumber", 0), fileId, hasFile,
                episode.bool("monitored"), episode.instant("airDateUtc"));
    }

    static EpisodeFile episodeFile(ArrObject file) {
        return new EpisodeFile(file.requiredInt("id"), file.intOr("seriesId", 0), file.intOr("seasonNumber", 0),
                file.text("path"), file.longOr("size", 0));
    }
}
