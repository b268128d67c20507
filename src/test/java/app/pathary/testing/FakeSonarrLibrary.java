package app.pathary.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Series, episodes and files of {@link FakeSonarr}, and what deletes do to them. Callers hold the settings lock. */
final class FakeSonarrLibrary {

    final FakeArrSettings settings;
    final Map<Integer, FakeSonarrSeries> series = new LinkedHashMap<>();
    final Map<Integer, FakeSonarrEpisode> episodes = new LinkedHashMap<>();
    final Map<Integer, FakeSonarrEpisodeFile> files = new LinkedHashMap<>();
    final Map<Integer, FakeSonarrSeries> everSeries = new LinkedHashMap<>();
    final Map<Integer, FakeSonarrEpisode> everEpisodes = new LinkedHashMap<>();
    final Map<Integer, FakeSonarrEpisodeFile> everFiles = new LinkedHashMap<>();
    final List<Integer> importListExclusions = new ArrayList<>();
    private int nextSeriesId = 1;
    private int nextEpisodeId = 1;
    private int nextFileId = 1;

    FakeSonarrLibrary(FakeArrSettings settings) {
        this.settings = settings;
    }

    FakeSonarrSeries addSeries(String title, int tvdbId, int tmdbId, String path, String status) {
        FakeSonarrSeries added = new FakeSonarrSeries(settings, nextSeriesId++, title, tvdbId, tmdbId, path, status,
                settings.now());
        settings.registerRootFolderOf(path);
        series.put(added.id, added);
        everSeries.put(added.id, added);
        return added;
    }

    FakeSonarrEpisode addEpisode(FakeSonarrSeries owner, int season, int number, Instant airDateUtc) {
        FakeSonarrEpisode episode = new FakeSonarrEpisode(settings, nextEpisodeId++, owner.id, season, number, airDateUtc);
        owner.seasons.putIfAbsent(season, true);
        episodes.put(episode.id, episode);
        everEpisodes.put(episode.id, episode);
        return episode;
    }

    FakeSonarrEpisodeFile addFile(FakeSonarrSeries owner, int season, String path, long size, FakeSonarrEpisode... on) {
        FakeSonarrEpisodeFile file = new FakeSonarrEpisodeFile(settings, nextFileId++, owner.id, season, path, size,
                settings.now());
        files.put(file.id, file);
        everFiles.put(file.id, file);
        for (FakeSonarrEpisode episode : on) {
            episode.episodeFileId = file.id;
        }
        return file;
    }

    List<FakeSonarrEpisode> episodesOf(int seriesId) {
        return episodes.values().stream().filter(e -> e.seriesId == seriesId).toList();
    }

    List<FakeSonarrEpisodeFile> filesOf(int seriesId) {
        return files.values().stream().filter(f -> f.seriesId == seriesId).toList();
    }

    /** {@code DELETE /episodefile/{id}}: 409 without the root folder; detaches (and maybe unmonitors) its episodes. */
    void deleteFile(int fileId) {
        FakeSonarrEpisodeFile file = files.get(fileId);
        if (file == null) {
            throw FakeArrError.modelNotFound("EpisodeFile", fileId);
        }
        settings.requireRootFolder(series.get(file.seriesId).path, "Series'");
        settings.deleted(file.path, file.size);
        files.remove(fileId);
        file.exists = false;
        for (FakeSonarrEpisode episode : episodes.values()) {
            if (episode.episodeFileId == fileId) {
                episode.episodeFileId = 0;
                episode.monitored = episode.monitored && !settings.unmonitorDeleted;
            }
        }
    }

    /**
     * {@code DELETE /series/{id}}: an unknown id fails the list lookup with a 500. With {@code deleteFiles}
     * the folder goes unless it is shared with (the same as or a parent of) another series' folder or the
     * root folder is missing.
     */
    void deleteSeries(int id, boolean deleteFiles, boolean addImportListExclusion) {
        FakeSonarrSeries gone = series.get(id);
        if (gone == null) {
            throw FakeArrError.expectedRows(1, 0);
        }
        series.remove(id);
        gone.exists = false;
        if (addImportListExclusion) {
            importListExclusions.add(gone.tvdbId);
        }
        long bytes = filesOf(id).stream().mapToLong(f -> f.size).sum();
        filesOf(id).forEach(f -> {
            files.remove(f.id);
            f.exists = false;
        });
        episodesOf(id).forEach(e -> {
            episodes.remove(e.id);
            e.exists = false;
        });
        boolean shared = series.values().stream().anyMatch(other -> FakeArrSettings.isSameOrParent(gone.path, other.path));
        if (deleteFiles && !shared && !settings.rootFolderMissing) {
            settings.deleted(gone.path, bytes);
        }
    }

    /**
     * {@code PUT /episode/monitor}: one unknown id is a 404; among several, the known ones change and the
     * answer is the 500 of the list lookup.
     */
    List<FakeSonarrEpisode> monitor(List<Integer> ids, boolean monitored) {
        if (ids.size() == 1 && !episodes.containsKey(ids.getFirst())) {
            throw FakeArrError.modelNotFound("Episode", ids.getFirst());
        }
        List<FakeSonarrEpisode> found = ids.stream().distinct().filter(episodes::containsKey).map(episodes::get).toList();
        found.forEach(e -> e.monitored = monitored);
        if (found.size() != ids.stream().distinct().count()) {
            throw FakeArrError.expectedRows((int) ids.stream().distinct().count(), found.size());
        }
        return found;
    }
}
