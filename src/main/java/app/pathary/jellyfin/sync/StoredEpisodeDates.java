package app.pathary.jellyfin.sync;

import app.pathary.history.EpisodeHistoryQueries;
import app.pathary.history.EpisodeWatchDate;
import app.pathary.show.Episode;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.Show;
import app.pathary.show.ShowIds;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every episode watch date a user has, read in one query and found by what Jellyfin knows of an episode: its series'
 * provider ids ("tvdb:…", "tmdb:…", "imdb:…": each is unique among the user's shows), season and number. The import
 * asks {@link #unchanged} so that it can skip the merges that would change nothing without a query per row; the
 * export asks {@link #watched} and {@link #latest} for the date to push to every Jellyfin copy.
 */
final class StoredEpisodeDates {
    private final Map<String, Show> shows = new HashMap<>();
    /** By show id, season and first number: the stored episode. */
    private final Map<String, Episode> episodes = new HashMap<>();
    /** Episode id and date ("null" when unknown) of every date. */
    private final Set<String> dates = new HashSet<>();
    /** By show id, season and every number an episode spans: its latest date, null when watched only on unknown dates. */
    private final Map<String, LocalDate> latest = new HashMap<>();

    static StoredEpisodeDates of(EpisodeHistoryQueries queries, long userId) {
        StoredEpisodeDates stored = new StoredEpisodeDates();
        queries.forEach(userId, stored::add);
        return stored;
    }

    /** Dates arrive oldest first, unknown first: the last one put for an episode number is its latest. */
    private void add(EpisodeWatchDate date) {
        Show show = date.show();
        if (show.tvdbId() != null) {
            shows.put("tvdb:" + show.tvdbId(), show);
        }
        if (show.tmdbId() != null) {
            shows.put("tmdb:" + show.tmdbId(), show);
        }
        if (show.imdbId() != null) {
            shows.put("imdb:" + show.imdbId(), show);
        }
        Episode episode = date.episode();
        episodes.put(episodeKey(show.id(), episode.season(), episode.number()), episode);
        dates.add(episode.id() + "/" + date.watchedAt());
        int last = episode.endNumber() == null ? episode.number() : episode.endNumber();
        for (int number = episode.number(); number <= last; number++) {
            String key = episodeKey(show.id(), episode.season(), number);
            if (date.watchedAt() != null || !latest.containsKey(key)) {
                latest.put(key, date.watchedAt());
            }
        }
    }

    /**
     * The import's question: whether merging one play of {@code episode} of {@code show} on {@code date} (null:
     * unknown) would change nothing. It changes nothing when the show it names is the user's show found by the same id
     * the repository decides by ({@link #decidingShow}), that show already has every id and the year the import would
     * fill, the episode (same show, season and number) already has the title and end number it would fill, and the
     * date is already there (an import adds one play without a comment, which never changes an existing date).
     */
    boolean unchanged(NewShow show, NewEpisode episode, LocalDate date) {
        Show found = decidingShow(show.ids());
        if (found == null || !fillsNothing(found, show)) {
            return false;
        }
        Episode stored = episodes.get(episodeKey(found.id(), episode.season(), episode.number()));
        return stored != null && (stored.title() != null || episode.title() == null)
                && (stored.endNumber() != null || episode.endNumber() == null)
                && dates.contains(stored.id() + "/" + date);
    }

    /**
     * The export's question: whether the user watched this episode (a Pathary episode spanning several numbers, a
     * two-part file, stands for each of them), and then {@link #latest} is its latest date.
     */
    boolean watched(ShowIds ids, int season, int number) {
        Show show = anyShow(ids);
        return show != null && latest.containsKey(episodeKey(show.id(), season, number));
    }

    /** The latest date of an episode {@link #watched} says the user watched; null when only on unknown dates. */
    LocalDate latest(ShowIds ids, int season, int number) {
        Show show = anyShow(ids);
        return show == null ? null : latest.get(episodeKey(show.id(), season, number));
    }

    /** The user's show holding the first of the given ids, which is the show the repository would pick; null when none. */
    private Show decidingShow(ShowIds ids) {
        if (ids.tvdbId() != null) {
            return shows.get("tvdb:" + ids.tvdbId());
        }
        if (ids.tmdbId() != null) {
            return shows.get("tmdb:" + ids.tmdbId());
        }
        return ids.imdbId() == null ? null : shows.get("imdb:" + ids.imdbId());
    }

    /** The user's show holding any of the given ids (TVDb, then TMDb, then IMDb): Jellyfin's copy may lack the one Pathary has. */
    private Show anyShow(ShowIds ids) {
        Show show = ids.tvdbId() == null ? null : shows.get("tvdb:" + ids.tvdbId());
        show = show != null || ids.tmdbId() == null ? show : shows.get("tmdb:" + ids.tmdbId());
        return show != null || ids.imdbId() == null ? show : shows.get("imdb:" + ids.imdbId());
    }

    /** The repository fills only a missing id or year: none is missing where the import has one. */
    private static boolean fillsNothing(Show found, NewShow show) {
        ShowIds ids = show.ids();
        return (ids.tvdbId() == null || found.tvdbId() != null) && (ids.tmdbId() == null || found.tmdbId() != null)
                && (ids.imdbId() == null || found.imdbId() != null) && (show.year() == null || found.year() != null);
    }

    private static String episodeKey(long showId, int season, int number) {
        return showId + "/" + season + "/" + number;
    }
}
