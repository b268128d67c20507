package app.pathary.cleanup;

import app.pathary.arr.ArrException;
import app.pathary.arr.ArrInstance;
import app.pathary.arr.Tag;
import app.pathary.arr.radarr.RadarrClient;
import app.pathary.arr.radarr.RadarrMovie;
import app.pathary.arr.sonarr.EpisodeFile;
import app.pathary.arr.sonarr.SonarrClient;
import app.pathary.arr.sonarr.SonarrEpisode;
import app.pathary.arr.sonarr.SonarrSeries;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a plan's deletions. Right before each one the item is read again from its *arr and the protections checked
 * again; a 404 means it is already gone (done); a 409 (the root folder is missing, e.g. an unmounted disk) stops the
 * whole run, and so does an *arr that gives no usable answer (a re-read that fails closes the door on that item and the
 * rest). Every action is written to the audit log.
 */
public final class CleanupExecutor {
    private final RadarrClient radarr;
    private final SonarrClient sonarr;
    private final CleanupRecords records;

    public CleanupExecutor(RadarrClient radarr, SonarrClient sonarr, CleanupRecords records) {
        this.radarr = radarr;
        this.sonarr = sonarr;
        this.records = records;
    }

    /** What a run did. {@code stoppedBecause} is set when a 409 or an unusable *arr stopped it. */
    public record Outcome(int deleted, int alreadyGone, int skipped, int failed, long bytes, String stoppedBecause) {
        @Override
        public String toString() {
            return "Deleted " + deleted + " (" + bytes + " bytes), " + alreadyGone + " already gone, " + skipped + " skipped, "
                    + failed + " failed" + (stoppedBecause == null ? "." : "; STOPPED: " + stoppedBecause);
        }
    }

    private enum Result { DELETED, GONE, SKIPPED }

    public Outcome execute(CleanupPlan plan, List<ArrInstanceConfig> instances, CleanupActions actions, String runId, String startedBy) {
        Map<String, ArrInstanceConfig> byName = instances.stream().collect(Collectors.toMap(ArrInstanceConfig::name, Function.identity()));
        int deleted = 0;
        int gone = 0;
        int skipped = 0;
        int failed = 0;
        long bytes = 0;
        for (PlanEntry entry : plan.entries()) {
            if (!entry.deletes()) {
                continue;
            }
            ArrInstanceConfig config = byName.get(entry.instance());
            if (config == null) {
                records.audit(runId, startedBy, entry, "skipped: the instance " + entry.instance() + " is no longer configured");
                skipped++;
                continue;
            }
            try {
                Outcome0 outcome = entry.action().equals(PlanEntry.DELETE_MOVIE) ? movie(config, entry, actions) : episodes(config, entry);
                records.audit(runId, startedBy, entry, outcome.text());
                switch (outcome.result()) {
                    case DELETED -> {
                        deleted++;
                        bytes += entry.bytes();
                    }
                    case GONE -> gone++;
                    case SKIPPED -> skipped++;
                }
            } catch (ArrException.Conflict e) {
                String why = config.kind().appName() + " " + config.name() + " refused to delete (" + e.userMessage()
                        + "); is a disk unmounted? The run stopped; nothing after this item was touched.";
                records.audit(runId, startedBy, entry, "stopped: " + why);
                return new Outcome(deleted, gone, skipped, failed + 1, bytes, why);
            } catch (ArrException e) {
                if (unusable(e)) {
                    String why = config.kind().appName() + " " + config.name() + " cannot be used (" + e.userMessage()
                            + "); the run stopped; nothing after this item was touched.";
                    records.audit(runId, startedBy, entry, "stopped: " + why);
                    return new Outcome(deleted, gone, skipped, failed + 1, bytes, why);
                }
                records.audit(runId, startedBy, entry, "failed: " + e.userMessage());
                failed++;
            }
        }
        return new Outcome(deleted, gone, skipped, failed, bytes, null);
    }

    private record Outcome0(Result result, String text) {
    }

    /** No usable answer even after the client's retries: down, starting, failing (5xx) or not the *arr's JSON. */
    private static boolean unusable(ArrException e) {
        return e instanceof ArrException.Unreachable || e instanceof ArrException.StartingUp || e instanceof ArrException.NotArr
                || e instanceof ArrException.UnexpectedStatus status && status.status() >= 500;
    }

    private Outcome0 movie(ArrInstanceConfig config, PlanEntry entry, CleanupActions actions) {
        ArrInstance instance = config.instance();
        Optional<RadarrMovie> now = radarr.movie(instance, entry.arrId());
        if (now.isEmpty()) {
            return new Outcome0(Result.GONE, "done: already gone");
        }
        RadarrMovie movie = now.get();
        if (tagged(movie.tags(), radarr.tags(instance), config.keepTag())) {
            return new Outcome0(Result.SKIPPED, "skipped: tagged " + config.keepTag() + " since the plan was made");
        }
        if (movie.movieFile() == null || movie.movieFile().id() != entry.movieFileId()) {
            return new Outcome0(Result.SKIPPED, "skipped: its file changed since the plan was made");
        }
        if (actions.movieAction() == CleanupActions.MovieAction.DELETE_FILE_AND_UNMONITOR) {
            if (!radarr.deleteMovieFile(instance, movie.movieFile().id())) {
                return new Outcome0(Result.GONE, "done: the file was already gone");
            }
            radarr.setMonitored(instance, movie.id(), false);
            return new Outcome0(Result.DELETED, "deleted the file and unmonitored the movie");
        }
        if (!radarr.deleteMovie(instance, movie.id(), true, actions.importExclusion())) {
            return new Outcome0(Result.GONE, "done: already gone");
        }
        return new Outcome0(Result.DELETED, "deleted the movie and its files" + (actions.importExclusion() ? ", with an import exclusion" : ""));
    }

    private Outcome0 episodes(ArrInstanceConfig config, PlanEntry entry) {
        ArrInstance instance = config.instance();
        Optional<SonarrSeries> now = sonarr.series(instance, entry.arrId());
        if (now.isEmpty()) {
            return new Outcome0(Result.GONE, "done: the series is already gone");
        }
        SonarrSeries series = now.get();
        if (tagged(series.tags(), sonarr.tags(instance), config.keepTag())) {
            return new Outcome0(Result.SKIPPED, "skipped: the series was tagged " + config.keepTag() + " since the plan was made");
        }
        Set<Integer> planned = new HashSet<>(entry.episodeFileIds());
        Set<Integer> present = sonarr.episodeFiles(instance, series.id()).stream().map(EpisodeFile::id).filter(planned::contains)
                .collect(Collectors.toSet());
        Set<Integer> allowed = new HashSet<>(entry.episodeIds());
        for (SonarrEpisode episode : sonarr.episodes(instance, series.id())) {
            if (present.contains(episode.episodeFileId()) && !allowed.contains(episode.id())) {
                return new Outcome0(Result.SKIPPED, String.format("skipped: a file now also holds S%02dE%02d", episode.seasonNumber(), episode.episodeNumber()));
            }
        }
        if (present.isEmpty()) {
            return new Outcome0(Result.GONE, "done: the files are already gone");
        }
        int removed = 0;
        for (int fileId : present) {
            if (sonarr.deleteEpisodeFile(instance, fileId)) {
                removed++;
            }
        }
        sonarr.monitorEpisodes(instance, entry.episodeIds(), false);
        String text = "deleted " + removed + " episode files and unmonitored " + entry.episodeIds().size() + " episodes";
        if (Boolean.TRUE.equals(entry.deleteSeries()) && sonarr.episodeFiles(instance, series.id()).isEmpty()) {
            sonarr.deleteSeries(instance, series.id(), true, false);
            text += "; deleted the ended series";
        }
        return new Outcome0(removed > 0 ? Result.DELETED : Result.GONE, text);
    }

    private static boolean tagged(List<Integer> tags, List<Tag> all, String keepTag) {
        Set<Integer> keep = all.stream().filter(t -> t.label() != null && t.label().equalsIgnoreCase(keepTag)).map(Tag::id).collect(Collectors.toSet());
        return tags.stream().anyMatch(keep::contains);
    }
}
