package app.pathary.jellyfin.sync;

import app.pathary.history.EpisodeHistoryQueries;
import app.pathary.history.EpisodeWatchDate;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.dto.UpdateUserItemDataDto;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import app.pathary.job.JobContext;
import app.pathary.job.JobSpec;
import app.pathary.show.Episode;
import app.pathary.show.Show;
import app.pathary.show.ShowIds;
import app.pathary.show.ShowQueries;
import java.util.List;

/**
 * The automatic sync job of one episode ({@link JellyfinEpisodeAutoSync} queues it): pushes the episode's latest watch
 * date, or its absence, to every Jellyfin copy of it (every library's series with one of the show's provider ids, same
 * season and number). At most two requests per copy (read, then write only if needed), found in the per-user episode
 * index instead of a library scan.
 */
final class JellyfinEpisodeSync {
    private final EpisodeHistoryQueries history;
    private final ShowQueries shows;
    private final JellyfinAccess access;
    private final JellyfinEpisodeIndex index;
    private final JellyfinEpisodeLibrary library;
    private final JellyfinMovieSync.Playstate playstate;

    JellyfinEpisodeSync(EpisodeHistoryQueries history, ShowQueries shows, JellyfinAccess access, JellyfinEpisodeIndex index,
            JellyfinEpisodeLibrary library, JellyfinMovieSync.Playstate playstate) {
        this.history = history;
        this.shows = shows;
        this.access = access;
        this.index = index;
        this.library = library;
        this.playstate = playstate;
    }

    String run(JobSpec.JellyfinEpisodeSync spec) {
        long userId = spec.userId();
        Episode episode = shows.episodeById(spec.episodeId()).orElse(null);
        Show show = episode == null ? null : shows.byId(episode.showId()).orElse(null);
        if (show == null) {
            return "The episode no longer exists.";
        }
        String name = show.title() + " " + episode.code();
        JellyfinAccess.Session session = access.of(userId);
        try {
            if (index.size(userId) == 0) {
                index.replace(userId, library.episodes(session.server(), session.jellyfinUserId(), JobContext.NONE).episodes());
            }
            List<EpisodeWatchDate> dates = history.datesOf(userId, episode.id());
            List<String> items = index.itemsOf(userId, new ShowIds(show.tvdbId(), show.tmdbId(), show.imdbId()), episode.season(),
                    episode.number());
            int written = 0;
            for (String itemId : items) {
                try {
                    written += dates.isEmpty() ? unplay(session, itemId) : push(session, itemId, dates.getFirst().watchedAt());
                } catch (JellyfinException.NotFound gone) {
                    index.remove(userId, itemId);
                }
            }
            return items.isEmpty() ? name + " is not in Jellyfin." : "Updated " + written + " of " + items.size() + " Jellyfin copies of " + name + ".";
        } catch (JellyfinException.Unauthorized e) {
            throw access.revoked(session);
        }
    }

    private int unplay(JellyfinAccess.Session session, String itemId) {
        playstate.retries().call(() -> playstate.client().markUnplayed(session.server(), session.jellyfinUserId(), itemId));
        return 1;
    }

    private int push(JellyfinAccess.Session session, String itemId, java.time.LocalDate latest) {
        UserItemDataDto current = playstate.client().userData(session.server(), session.jellyfinUserId(), itemId);
        boolean right = latest == null ? current.played()
                : current.played() && current.lastPlayedDate() != null
                        && current.lastPlayedDate().atZone(playstate.zone()).toLocalDate().equals(latest);
        if (right) {
            return 0;
        }
        var update = new UpdateUserItemDataDto(true, Math.max(1, current.playCount()),
                latest == null ? null : latest.atTime(java.time.LocalTime.NOON).atZone(playstate.zone()).toInstant(), null, null);
        playstate.retries().call(() -> playstate.client().updateUserData(session.server(), session.jellyfinUserId(), itemId, update));
        if (update.lastPlayedDate() != null) {
            playstate.writes().record(session.userId(), itemId, update.lastPlayedDate());
        }
        return 1;
    }
}
