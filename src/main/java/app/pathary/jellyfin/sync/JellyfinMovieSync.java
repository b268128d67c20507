package app.pathary.jellyfin.sync;

import app.pathary.history.HistoryQueries;
import app.pathary.history.PlayedMovie;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.dto.UpdateUserItemDataDto;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import app.pathary.jellyfin.link.JellyfinWrites;
import app.pathary.job.JobContext;
import app.pathary.job.JobSpec;
import app.pathary.movie.Movie;
import app.pathary.movie.MovieQueries;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The automatic sync job of one movie ({@link JellyfinAutoSync} queues it): pushes the movie's latest watch date, or
 * its absence, to every Jellyfin copy of it. It costs at most two requests per copy (read, then write only if needed),
 * using the per-user item index instead of a library scan.
 */
final class JellyfinMovieSync {
    private final HistoryQueries history;
    private final MovieQueries movies;
    private final JellyfinAccess access;
    private final JellyfinItemIndex index;
    private final JellyfinLibrary library;
    private final Playstate playstate;

    /** Reads and writes of one item's played state, with retries of passing failures. */
    record Playstate(JellyfinClient client, Retries retries, ZoneId zone, JellyfinWrites writes) {
    }

    JellyfinMovieSync(HistoryQueries history, MovieQueries movies, JellyfinAccess access, JellyfinItemIndex index,
            JellyfinLibrary library, Playstate playstate) {
        this.history = history;
        this.movies = movies;
        this.access = access;
        this.index = index;
        this.library = library;
        this.playstate = playstate;
    }

    String run(JobSpec.JellyfinSync spec) {
        long userId = spec.userId();
        Movie movie = movies.byId(spec.movieId()).orElse(null);
        if (movie == null) {
            return "The movie no longer exists.";
        }
        JellyfinAccess.Session session = access.of(userId);
        try {
            if (index.size(userId) == 0) {
                index.replace(userId, library.movies(session.server(), session.jellyfinUserId(), JobContext.NONE));
            }
            List<PlayedMovie.DateEntry> dates = history.datesOf(userId, movie.id());
            List<String> items = index.itemsOf(userId, movie.tmdbId());
            int written = 0;
            for (String itemId : items) {
                try {
                    written += dates.isEmpty() ? unplay(session, itemId) : push(session, itemId, dates.getFirst().watchedAt());
                } catch (JellyfinException.NotFound gone) {
                    index.remove(userId, itemId);
                }
            }
            return items.isEmpty() ? movie.title() + " is not in Jellyfin."
                    : "Updated " + written + " of " + items.size() + " Jellyfin copies of " + movie.title() + ".";
        } catch (JellyfinException.Unauthorized e) {
            throw access.revoked(session);
        }
    }

    private int unplay(JellyfinAccess.Session session, String itemId) {
        playstate.retries().call(() -> playstate.client().markUnplayed(session.server(), session.jellyfinUserId(), itemId));
        return 1;
    }

    private int push(JellyfinAccess.Session session, String itemId, LocalDate latest) {
        JellyfinClient client = playstate.client();
        UserItemDataDto current = client.userData(session.server(), session.jellyfinUserId(), itemId);
        boolean sameDay = latest == null
                ? current.played()
                : current.played() && current.lastPlayedDate() != null
                        && current.lastPlayedDate().atZone(playstate.zone()).toLocalDate().equals(latest);
        if (sameDay) {
            return 0;
        }
        var update = new UpdateUserItemDataDto(true, Math.max(1, current.playCount()),
                latest == null ? null : latest.atTime(LocalTime.NOON).atZone(playstate.zone()).toInstant(), null, null);
        playstate.retries().call(() -> client.updateUserData(session.server(), session.jellyfinUserId(), itemId, update));
        if (update.lastPlayedDate() != null) {
            playstate.writes().record(session.userId(), itemId, update.lastPlayedDate());
        }
        return 1;
    }
}
