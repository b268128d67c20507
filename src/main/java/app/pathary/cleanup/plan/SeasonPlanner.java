package app.pathary.cleanup.plan;

import app.pathary.arr.sonarr.EpisodeFile;
import app.pathary.arr.sonarr.SonarrEpisode;
import app.pathary.arr.sonarr.SonarrSeries;
import app.pathary.cleanup.instances.PathMapping;
import app.pathary.watched.ReportEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans one eligible season (or one special): every Jellyfin episode must be a Sonarr episode file of one series of
 * one instance (file path first, then TVDb/TMDb with season and episode numbers); then the protections.
 */
final class SeasonPlanner {
    private final ArrSnapshot arr;
    private final Instant now;

    private final Map<String, List<Located>> filesByPath = new java.util.HashMap<>();

    SeasonPlanner(ArrSnapshot arr, Instant now) {
        this.arr = arr;
        this.now = now;
        for (ArrSnapshot.SonarrView view : arr.sonarr()) {
            for (SonarrSeries series : view.series()) {
                for (EpisodeFile file : view.filesOf(series.id())) {
                    filesByPath.computeIfAbsent(view.config().name() + "|" + PathMapping.normalise(file.path()), k -> new ArrayList<>())
                            .add(new Located(new Owner(view, series), file));
                }
            }
        }
    }

    /** An episode file and the series (of an instance) it belongs to. */
    private record Located(Owner owner, EpisodeFile file) {
    }

    private record Owner(ArrSnapshot.SonarrView view, SonarrSeries series) {
        // By identity of the view and the series id: the records would hash whole libraries.
        @Override
        public boolean equals(Object other) {
            return other instanceof Owner o && o.view == view && o.series.id() == series.id();
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(view) + series.id();
        }

        String describe() {
            return series.title() + " (" + view.config().name() + " id " + series.id() + ")";
        }
    }

    static List<ReportEntry> episodesOf(ReportEntry entry) {
        return entry.kind().equals("season") ? entry.episodes() : List.of(entry);
    }

    PlanEntry plan(ReportEntry entry) {
        List<ReportEntry> episodes = episodesOf(entry);
        List<String> ids = episodes.stream().map(ReportEntry::jellyfinId).toList();
        Map<ReportEntry, EpisodeFile> files = new LinkedHashMap<>();
        Set<Owner> owners = new LinkedHashSet<>();
        for (ReportEntry episode : episodes) {
            for (ArrSnapshot.SonarrView view : arr.sonarr()) {
                if (episode.path() == null) {
                    continue;
                }
                String mapped = view.config().mapping().toArr(episode.path());
                for (Located located : filesByPath.getOrDefault(view.config().name() + "|" + mapped, List.of())) {
                    files.put(episode, located.file());
                    owners.add(located.owner());
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        Owner owner;
        if (owners.size() > 1) {
            return PlanEntry.unmatched(ids, entry.name(), entry.path(), List.of("its files are claimed by "
                    + String.join(" and ", owners.stream().map(Owner::describe).toList()) + "; nothing is touched"));
        } else if (owners.size() == 1) {
            owner = owners.iterator().next();
            if (entry.tvdbId() != null && owner.series().tvdbId() != null && !entry.tvdbId().equals(owner.series().tvdbId())) {
                return PlanEntry.unmatched(ids, entry.name(), entry.path(), List.of("path and id disagree: the files belong to "
                        + owner.describe() + " with TVDb id " + owner.series().tvdbId() + ", but Jellyfin says TVDb id " + entry.tvdbId()));
            }
            reasons.add("matched by file path to " + owner.describe());
        } else {
            List<Owner> byId = byIds(entry);
            if (byId.size() != 1) {
                return PlanEntry.unmatched(ids, entry.name(), entry.path(), List.of(byId.isEmpty()
                        ? "no Sonarr instance has these files or the series' TVDb/TMDb id"
                        : "the series is in " + String.join(" and ", byId.stream().map(Owner::describe).toList()) + " and no file path decides; nothing is touched"));
            }
            owner = byId.getFirst();
            reasons.add("matched by series id and episode numbers to " + owner.describe() + " (no file path matched)");
        }
        List<String> missing = new ArrayList<>();
        for (ReportEntry episode : episodes) {
            if (!files.containsKey(episode)) {
                EpisodeFile byNumber = fileByNumber(owner, episode);
                if (byNumber == null) {
                    missing.add(episode.episode());
                } else {
                    files.put(episode, byNumber);
                }
            }
        }
        if (!missing.isEmpty()) {
            return PlanEntry.unmatched(ids, entry.name(), entry.path(), List.of(owner.describe() + " has no file for " + String.join(", ", missing)));
        }
        return protect(entry, owner, new LinkedHashSet<>(files.values()), reasons);
    }

    private List<Owner> byIds(ReportEntry entry) {
        List<Owner> found = new ArrayList<>();
        for (ArrSnapshot.SonarrView view : arr.sonarr()) {
            view.series().stream().filter(s -> entry.tvdbId() != null && Objects.equals(s.tvdbId(), entry.tvdbId()))
                    .forEach(s -> found.add(new Owner(view, s)));
        }
        if (found.isEmpty()) {
            for (ArrSnapshot.SonarrView view : arr.sonarr()) {
                view.series().stream().filter(s -> entry.tmdbId() != null && Objects.equals(s.tmdbId(), entry.tmdbId()))
                        .forEach(s -> found.add(new Owner(view, s)));
            }
        }
        return found;
    }

    private static EpisodeFile fileByNumber(Owner owner, ReportEntry episode) {
        if (episode.season() == null || episode.episodeNumber() == null) {
            return null;
        }
        for (SonarrEpisode candidate : owner.view().episodesOf(owner.series().id())) {
            if (candidate.seasonNumber() == episode.season() && candidate.episodeNumber() == episode.episodeNumber() && candidate.episodeFileId() != 0) {
                return owner.view().filesOf(owner.series().id()).stream().filter(f -> f.id() == candidate.episodeFileId()).findFirst().orElse(null);
            }
        }
        return null;
    }

    private PlanEntry protect(ReportEntry entry, Owner owner, Set<EpisodeFile> files, List<String> reasons) {
        SonarrSeries series = owner.series();
        String instance = owner.view().config().name();
        List<String> ids = episodesOf(entry).stream().map(ReportEntry::jellyfinId).toList();
        if (series.tags().stream().anyMatch(owner.view().keepTagIds()::contains)) {
            reasons.add("the series is tagged " + owner.view().config().keepTag() + " in " + instance);
            return PlanEntry.keep(instance, series.id(), ids, entry.name(), series.path(), reasons);
        }
        var root = RootFolderRule.keeps(series.path(), owner.view().rootFolders(), instance);
        if (root.isPresent()) {
            reasons.add(root.get());
            return PlanEntry.keep(instance, series.id(), ids, entry.name(), series.path(), reasons);
        }
        Set<String> eligible = new LinkedHashSet<>();
        for (ReportEntry episode : episodesOf(entry)) {
            int last = episode.episodeEnd() == null ? episode.episodeNumber() : episode.episodeEnd();
            for (int n = episode.episodeNumber(); n <= last; n++) {
                eligible.add(episode.season() + "x" + n);
            }
        }
        Set<Integer> fileIds = new LinkedHashSet<>(files.stream().map(EpisodeFile::id).toList());
        List<SonarrEpisode> onFiles = owner.view().episodesOf(series.id()).stream().filter(e -> fileIds.contains(e.episodeFileId())).toList();
        for (SonarrEpisode episode : onFiles) {
            if (!eligible.contains(episode.seasonNumber() + "x" + episode.episodeNumber())) {
                reasons.add(String.format("a file also holds S%02dE%02d, which is not eligible", episode.seasonNumber(), episode.episodeNumber()));
                return PlanEntry.keep(instance, series.id(), ids, entry.name(), series.path(), reasons);
            }
        }
        int season = entry.season() == null ? 0 : entry.season();
        if (stillAiring(owner, season)) {
            reasons.add("season " + season + " of the continuing series is still airing");
            return PlanEntry.keep(instance, series.id(), ids, entry.name(), series.path(), reasons);
        }
        String folder = PathMapping.normalise(series.path());
        for (SonarrSeries other : owner.view().series()) {
            String otherFolder = PathMapping.normalise(other.path());
            if (other.id() != series.id() && folder != null && otherFolder != null && PathMapping.within(otherFolder, folder)) {
                reasons.add("its folder " + series.path() + " also holds " + other.title() + " (Sonarr would keep the files)");
                return PlanEntry.keep(instance, series.id(), ids, entry.name(), series.path(), reasons);
            }
        }
        reasons.addAll(entry.reasons());
        long bytes = files.stream().mapToLong(EpisodeFile::size).sum();
        String path = files.size() == 1 ? files.iterator().next().path() : commonFolder(files);
        return new PlanEntry(PlanEntry.DELETE_EPISODE_FILES, instance, series.id(), ids, entry.name(), path, bytes, reasons, null, null,
                List.copyOf(fileIds), onFiles.stream().map(SonarrEpisode::id).toList(), false);
    }

    /** A season of a continuing series with an episode still to air (by the season's nextAiring or an air date). */
    private boolean stillAiring(Owner owner, int season) {
        SonarrSeries series = owner.series();
        if (series.ended() || !"continuing".equalsIgnoreCase(series.status())) {
            return false;
        }
        boolean seasonNext = series.seasons().stream().anyMatch(s -> s.seasonNumber() == season && s.nextAiring() != null);
        boolean futureEpisode = owner.view().episodesOf(series.id()).stream()
                .anyMatch(e -> e.seasonNumber() == season && (e.airDateUtc() == null || e.airDateUtc().isAfter(now)));
        return seasonNext || futureEpisode;
    }

    private static String commonFolder(Set<EpisodeFile> files) {
        String common = null;
        for (EpisodeFile file : files) {
            String path = PathMapping.normalise(file.path());
            String folder = path.substring(0, Math.max(path.lastIndexOf('/'), 0));
            while (common != null && !PathMapping.within(folder, common)) {
                common = common.substring(0, Math.max(common.lastIndexOf('/'), 0));
            }
            common = common == null ? folder : common;
        }
        return common;
    }
}
