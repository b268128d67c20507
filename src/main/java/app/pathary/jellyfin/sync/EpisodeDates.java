package app.pathary.jellyfin.sync;

import app.pathary.history.EpisodeHistoryQueries;
import app.pathary.history.EpisodeWatchDate;
import app.pathary.show.Show;
import app.pathary.show.ShowIds;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A user's latest episode watch dates, found by what Jellyfin knows of an episode: its series' provider ids (any of
 * TVDb, TMDb, IMDb names the show), season and number. A Pathary episode spanning several numbers (a two-part file)
 * stands for each of them. The latest date is null for an episode watched only on unknown dates.
 */
final class EpisodeDates {
    private final Map<String, Long> shows = new HashMap<>();
    private final Map<String, LocalDate> latest = new HashMap<>();

    static EpisodeDates of(EpisodeHistoryQueries queries, long userId) {
        EpisodeDates dates = new EpisodeDates();
        queries.forEach(userId, dates::add);
        return dates;
    }

    /** Dates arrive oldest first, unknown first: the last one put for an episode is its latest. */
    private void add(EpisodeWatchDate date) {
        Show show = date.show();
        if (show.tvdbId() != null) {
            shows.put("tvdb:" + show.tvdbId(), show.id());
        }
        if (show.tmdbId() != null) {
            shows.put("tmdb:" + show.tmdbId(), show.id());
        }
        if (show.imdbId() != null) {
            shows.put("imdb:" + show.imdbId(), show.id());
        }
        int last = date.episode().endNumber() == null ? date.episode().number() : date.episode().endNumber();
        for (int number = date.episode().number(); number <= last; number++) {
            String key = show.id() + "/" + date.episode().season() + "/" + number;
            if (date.watchedAt() != null || !latest.containsKey(key)) {
                latest.put(key, date.watchedAt());
            }
        }
    }

    /** Whether the user watched this episode, and {@link #latest} is its latest date. */
    boolean watched(ShowIds ids, int season, int number) {
        Long show = show(ids);
        return show != null && latest.containsKey(show + "/" + season + "/" + number);
    }

    LocalDate latest(ShowIds ids, int season, int number) {
        return latest.get(show(ids) + "/" + season + "/" + number);
    }

    private Long show(ShowIds ids) {
        Long show = ids.tvdbId() == null ? null : shows.get("tvdb:" + ids.tvdbId());
        show = show != null || ids.tmdbId() == null ? show : shows.get("tmdb:" + ids.tmdbId());
        return show != null || ids.imdbId() == null ? show : shows.get("imdb:" + ids.imdbId());
    }
}
