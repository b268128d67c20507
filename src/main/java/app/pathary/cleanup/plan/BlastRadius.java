package app.pathary.cleanup.plan;

import app.pathary.common.Plural;
import app.pathary.arr.sonarr.SeasonInfo;
import app.pathary.cleanup.instances.CleanupLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pure: the limits one run must not pass without an admin's explicit override. Too many deletions, too large a share
 * of one instance's library, or an instance that answered with an empty library although the previous plan matched
 * items to it (an unmounted disk, a wrong URL, a reset database) stop a plan before anything is deleted.
 */
public final class BlastRadius {
    private BlastRadius() {
    }

    public static List<String> stops(CleanupPlan plan, ArrSnapshot arr, Optional<CleanupPlan> previous, CleanupLimits limits) {
        List<String> stops = new ArrayList<>();
        long deletions = plan.deletions();
        if (deletions > limits.maxDeletions()) {
            stops.add("The plan deletes " + Plural.of(deletions, "item") + ", more than " + CleanupLimits.MAX_DELETIONS + " (" + limits.maxDeletions()
                    + ") allows in one run.");
        }
        Map<String, Integer> matchedBefore = new HashMap<>();
        previous.ifPresent(before -> before.entries().stream().filter(e -> e.instance() != null)
                .forEach(e -> matchedBefore.merge(e.instance(), 1, Integer::sum)));
        for (ArrSnapshot.RadarrView view : arr.radarr()) {
            String name = view.config().name();
            int movies = view.movies().size();
            long going = plan.entries().stream().filter(e -> e.deletes() && name.equals(e.instance())).count();
            empty(name, "Radarr", movies, matchedBefore).ifPresent(stops::add);
            share(name, going, movies, "movies", limits).ifPresent(stops::add);
        }
        for (ArrSnapshot.SonarrView view : arr.sonarr()) {
            String name = view.config().name();
            int files = view.series().stream().flatMap(s -> s.seasons().stream()).mapToInt(SeasonInfo::episodeFileCount).sum();
            Set<Integer> going = new HashSet<>();
            plan.entries().stream().filter(e -> e.deletes() && name.equals(e.instance())).forEach(e -> going.addAll(e.episodeFileIds()));
            empty(name, "Sonarr", view.series().size(), matchedBefore).ifPresent(stops::add);
            share(name, going.size(), files, "episode files", limits).ifPresent(stops::add);
        }
        return stops;
    }

    private static Optional<String> empty(String name, String app, int items, Map<String, Integer> matchedBefore) {
        if (items > 0 || !matchedBefore.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(app + " " + name + " answered with an empty library, but the previous plan matched "
                + Plural.of(matchedBefore.get(name), "item") + " to it; is a disk unmounted or the wrong server configured?");
    }

    private static Optional<String> share(String name, long going, long total, String unit, CleanupLimits limits) {
        if (going == 0 || total == 0 || going * 100 <= (long) limits.maxDeletePercent() * total) {
            return Optional.empty();
        }
        return Optional.of("The plan deletes " + going + " of the " + total + " " + unit + " of " + name + " (" + (going * 100 / total)
                + " %), more than " + CleanupLimits.MAX_PERCENT + " (" + limits.maxDeletePercent() + " %) allows in one run.");
    }
}
