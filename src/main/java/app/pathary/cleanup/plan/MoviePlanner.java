package app.pathary.cleanup.plan;

import app.pathary.arr.radarr.RadarrMovie;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.instances.PathMapping;
import app.pathary.watched.ReportEntry;
import java.util.ArrayList;
import java.util.List;

/** Plans one eligible movie: match it to a Radarr movie (file path first, TMDb id second, failing closed), then protect. */
final class MoviePlanner {
    private final ArrSnapshot arr;
    private final CleanupActions actions;
    // Keyed by identity: a view is a record whose hashCode would hash its whole movie list on every lookup.
    private final java.util.Map<ArrSnapshot.RadarrView, java.util.Map<String, List<RadarrMovie>>> byFile = new java.util.IdentityHashMap<>();
    private final java.util.Map<Integer, List<Match>> byTmdb = new java.util.HashMap<>();
    private final java.util.Map<ArrSnapshot.RadarrView, java.util.NavigableMap<String, List<RadarrMovie>>> folders = new java.util.IdentityHashMap<>();

    MoviePlanner(ArrSnapshot arr, CleanupActions actions) {
        this.arr = arr;
        this.actions = actions;
        for (ArrSnapshot.RadarrView view : arr.radarr()) {
            var files = new java.util.HashMap<String, List<RadarrMovie>>();
            var viewFolders = new java.util.TreeMap<String, List<RadarrMovie>>();
            for (RadarrMovie movie : view.movies()) {
                if (movie.movieFile() != null) {
                    files.computeIfAbsent(PathMapping.normalise(movie.movieFile().path()), k -> new ArrayList<>()).add(movie);
                }
                if (movie.tmdbId() != null) {
                    byTmdb.computeIfAbsent(movie.tmdbId(), k -> new ArrayList<>()).add(new Match(view, movie));
                }
                if (movie.path() != null) {
                    viewFolders.computeIfAbsent(PathMapping.normalise(movie.path()), k -> new ArrayList<>()).add(movie);
                }
            }
            byFile.put(view, files);
            folders.put(view, viewFolders);
        }
    }

    private record Match(ArrSnapshot.RadarrView view, RadarrMovie movie) {
    }

    PlanEntry plan(ReportEntry entry) {
        List<String> ids = List.of(entry.jellyfinId());
        List<Match> byPath = new ArrayList<>();
        for (ArrSnapshot.RadarrView view : arr.radarr()) {
            if (entry.path() == null) {
                break;
            }
            String mapped = view.config().mapping().toArr(entry.path());
            byFile.get(view).getOrDefault(mapped, List.of()).forEach(movie -> byPath.add(new Match(view, movie)));
        }
        List<String> reasons = new ArrayList<>();
        Match match;
        if (byPath.size() > 1) {
            return PlanEntry.unmatched(ids, entry.name(), entry.path(), List.of("the file is claimed by " + names(byPath) + "; nothing is touched"));
        } else if (byPath.size() == 1) {
            match = byPath.getFirst();
            if (entry.tmdbId() != null && match.movie().tmdbId() != null && !entry.tmdbId().equals(match.movie().tmdbId())) {
                return PlanEntry.unmatched(ids, entry.name(), entry.path(), List.of("path and id disagree: the file is " + describe(match)
                        + " with TMDb id " + match.movie().tmdbId() + ", but Jellyfin says TMDb id " + entry.tmdbId()));
            }
            reasons.add("matched by file path to " + describe(match));
        } else {
            List<Match> byId = entry.tmdbId() == null ? List.of() : byTmdb.getOrDefault(entry.tmdbId(), List.of());
            if (byId.isEmpty()) {
                return PlanEntry.unmatched(ids, entry.name(), entry.path(), List.of("no Radarr instance has this file"
                        + (entry.tmdbId() == null ? " and Jellyfin has no TMDb id for it" : " or TMDb id " + entry.tmdbId())));
            }
            if (byId.size() > 1) {
                return PlanEntry.unmatched(ids, entry.name(), entry.path(), List.of("TMDb id " + entry.tmdbId() + " is in " + names(byId)
                        + " and no file path decides; nothing is touched"));
            }
            match = byId.getFirst();
            reasons.add("matched by TMDb id " + entry.tmdbId() + " to " + describe(match) + " (no file path matched"
                    + (match.movie().movieFile() == null ? "" : "; Radarr's file is " + match.movie().movieFile().path()) + ")");
        }
        return protect(entry, match, reasons);
    }

    private PlanEntry protect(ReportEntry entry, Match match, List<String> reasons) {
        RadarrMovie movie = match.movie();
        String instance = match.view().config().name();
        List<String> ids = List.of(entry.jellyfinId());
        if (movie.tags().stream().anyMatch(match.view().keepTagIds()::contains)) {
            reasons.add("tagged " + match.view().config().keepTag() + " in " + instance);
            return PlanEntry.keep(instance, movie.id(), ids, movie.title(), movie.path(), reasons);
        }
        var root = RootFolderRule.keeps(movie.path(), match.view().rootFolders(), instance);
        if (root.isPresent()) {
            reasons.add(root.get());
            return PlanEntry.keep(instance, movie.id(), ids, movie.title(), movie.path(), reasons);
        }
        RadarrMovie neighbour = sharingFolder(match.view(), movie);
        if (neighbour != null) {
            reasons.add("its folder " + movie.path() + " also holds " + neighbour.title() + " (Radarr would keep the files)");
            return PlanEntry.keep(instance, movie.id(), ids, movie.title(), movie.path(), reasons);
        }
        if (movie.movieFile() == null) {
            reasons.add("Radarr has no file for it, so deleting it would free nothing");
            return PlanEntry.keep(instance, movie.id(), ids, movie.title(), movie.path(), reasons);
        }
        reasons.addAll(entry.reasons());
        return new PlanEntry(PlanEntry.DELETE_MOVIE, instance, movie.id(), ids, movie.title(), movie.movieFile().path(),
                movie.movieFile().size(), reasons, actions.movieAction().value(), movie.movieFile().id(), null, null, null);
    }

    /** Another movie whose folder is this movie's folder or inside it; null when there is none. */
    private RadarrMovie sharingFolder(ArrSnapshot.RadarrView view, RadarrMovie movie) {
        String folder = PathMapping.normalise(movie.path());
        if (folder == null) {
            return null;
        }
        var byFolder = folders.get(view);
        for (RadarrMovie same : byFolder.getOrDefault(folder, List.of())) {
            if (same.id() != movie.id()) {
                return same;
            }
        }
        var inside = byFolder.ceilingEntry(folder.equals("/") ? "/" : folder + "/");
        return inside != null && !inside.getKey().equals(folder) && PathMapping.within(inside.getKey(), folder) ? inside.getValue().getFirst() : null;
    }

    private static String describe(Match match) {
        return match.movie().title() + " (" + match.view().config().name() + " id " + match.movie().id() + ")";
    }

    private static String names(List<Match> matches) {
        return String.join(" and ", matches.stream().map(MoviePlanner::describe).toList());
    }
}
