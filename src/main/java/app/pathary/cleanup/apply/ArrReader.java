package app.pathary.cleanup.apply;

import app.pathary.arr.ArrException;
import app.pathary.arr.RootFolder;
import app.pathary.arr.Tag;
import app.pathary.arr.radarr.RadarrClient;
import app.pathary.arr.sonarr.EpisodeFile;
import app.pathary.arr.sonarr.SonarrClient;
import app.pathary.arr.sonarr.SonarrEpisode;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.instances.InstanceCheck;
import app.pathary.cleanup.plan.ArrSnapshot;
import app.pathary.cleanup.plan.CleanupPlanner;
import app.pathary.common.RemoteReadException;
import app.pathary.watched.WatchedReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what the plan needs from every instance: Radarr movies; Sonarr series, and the episodes and files of only the
 * series an eligible season may belong to; tags; the settings worth a warning. An instance that cannot be read stops
 * the plan (a plan without it could mistake its items for unmatched ones).
 */
public final class ArrReader {
    private final RadarrClient radarr;
    private final SonarrClient sonarr;

    public ArrReader(RadarrClient radarr, SonarrClient sonarr) {
        this.radarr = radarr;
        this.sonarr = sonarr;
    }

    public ArrSnapshot read(List<ArrInstanceConfig> instances, WatchedReport report) {
        List<ArrSnapshot.RadarrView> radarrViews = new ArrayList<>();
        List<ArrSnapshot.SonarrView> sonarrViews = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ArrInstanceConfig config : instances) {
            try {
                if (config.kind() == ArrKind.RADARR) {
                    warnings.addAll(InstanceCheck.warnings(config, radarr.mediaManagement(config.instance())));
                    radarrViews.add(new ArrSnapshot.RadarrView(config, radarr.movies(config.instance()),
                            keepTagIds(radarr.tags(config.instance()), config.keepTag()),
                            rootFolders(config, radarr.rootFolders(config.instance()), warnings)));
                } else {
                    warnings.addAll(InstanceCheck.warnings(config, sonarr.mediaManagement(config.instance())));
                    sonarrViews.add(new ArrSnapshot.SonarrView(config, sonarr.series(config.instance()),
                            keepTagIds(sonarr.tags(config.instance()), config.keepTag()), new HashMap<>(), new HashMap<>(),
                            rootFolders(config, sonarr.rootFolders(config.instance()), warnings)));
                }
            } catch (ArrException e) {
                throw new RemoteReadException(config.kind().appName() + " " + config.name() + " cannot be read: " + e.userMessage() + ".", e);
            }
        }
        Map<String, Set<Integer>> needed = CleanupPlanner.seriesToRead(report, sonarrViews);
        for (ArrSnapshot.SonarrView view : sonarrViews) {
            for (int seriesId : needed.getOrDefault(view.config().name(), Set.of())) {
                try {
                    List<SonarrEpisode> episodes = sonarr.episodes(view.config().instance(), seriesId);
                    List<EpisodeFile> files = sonarr.episodeFiles(view.config().instance(), seriesId);
                    view.episodes().put(seriesId, episodes);
                    view.files().put(seriesId, files);
                } catch (ArrException e) {
                    throw new RemoteReadException("Sonarr " + view.config().name() + " cannot be read: " + e.userMessage() + ".", e);
                }
            }
        }
        return new ArrSnapshot(radarrViews, sonarrViews, warnings);
    }

    /** The root folders' paths; one the *arr cannot reach (an unmounted share) is worth a warning. */
    private static List<String> rootFolders(ArrInstanceConfig config, List<RootFolder> folders, List<String> warnings) {
        folders.stream().filter(folder -> !folder.accessible()).forEach(folder -> warnings.add(config.name()
                + " cannot reach its root folder " + folder.path() + " (an unmounted disk?); executing stops while it is so."));
        return folders.stream().map(RootFolder::path).toList();
    }

    private static Set<Integer> keepTagIds(List<Tag> tags, String keepTag) {
        return tags.stream().filter(t -> t.label() != null && t.label().equalsIgnoreCase(keepTag)).map(Tag::id).collect(Collectors.toSet());
    }
}
