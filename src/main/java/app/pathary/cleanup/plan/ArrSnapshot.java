package app.pathary.cleanup.plan;

import app.pathary.arr.radarr.RadarrMovie;
import app.pathary.arr.sonarr.EpisodeFile;
import app.pathary.arr.sonarr.SonarrEpisode;
import app.pathary.arr.sonarr.SonarrSeries;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the planner knows of the *arr: each instance's library, its keep-tag ids, root folders, and warnings. */
public record ArrSnapshot(List<RadarrView> radarr, List<SonarrView> sonarr, List<String> warnings) {

    /**
     * A Radarr instance's movies, the ids its keep tag has (labels resolved per instance, ignoring case) and its root
     * folders ({@code null} only in pure tests that do not model them: then no root-folder rule applies).
     */
    public record RadarrView(ArrInstanceConfig config, List<RadarrMovie> movies, Set<Integer> keepTagIds, List<String> rootFolders) {
        public RadarrView(ArrInstanceConfig config, List<RadarrMovie> movies, Set<Integer> keepTagIds) {
            this(config, movies, keepTagIds, null);
        }
    }

    /**
     * A Sonarr instance's series, keep-tag ids and root folders; episodes and episode files only of the series the plan
     * needs (read on demand, one request each per series).
     */
    public record SonarrView(ArrInstanceConfig config, List<SonarrSeries> series, Set<Integer> keepTagIds,
            Map<Integer, List<SonarrEpisode>> episodes, Map<Integer, List<EpisodeFile>> files, List<String> rootFolders) {

        public SonarrView(ArrInstanceConfig config, List<SonarrSeries> series, Set<Integer> keepTagIds,
                Map<Integer, List<SonarrEpisode>> episodes, Map<Integer, List<EpisodeFile>> files) {
            this(config, series, keepTagIds, episodes, files, null);
        }

        List<SonarrEpisode> episodesOf(int seriesId) {
            return episodes.getOrDefault(seriesId, List.of());
        }

        public List<EpisodeFile> filesOf(int seriesId) {
            return files.getOrDefault(seriesId, List.of());
        }
    }
}
