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
 * Every episode watch date a user has, read in one query before an import, so that an import can tell which of its
 * {@code MergeDate}s would change nothing and skip them without a query per row. A merge changes nothing when the
 * show it names is the user's show found by the same id the repository decides by (TVDb, then TMDb, then IMDb: each
 * is unique), that show already has every id and the year the import would fill, the episode (same show, season and
 * number) already has the title and end number it would fill, and the date is already there (an import adds one play
 * without a comment, which never changes an existing date).
 */
final class StoredEpisodeDates {
    private final Map<String, Show> shows = new HashMap<>();
    private final Map<String, Episode> episodes = new HashMap<>();
    private final Set<String> dates = new HashSet<>();

    static StoredEpisodeDates of(EpisodeHistoryQueries queries, long userId) {
        StoredEpisodeDates stored = new StoredEpisodeDates();
        queries.forEach(userId, stored::add);
        return stored;
    }

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
    }

    /** Whether merging one play of {@code episode} of {@code show} on {@code date} (null: unknown) would change nothing. */
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
