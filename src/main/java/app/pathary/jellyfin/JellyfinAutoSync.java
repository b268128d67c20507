package app.pathary.jellyfin;

import app.pathary.history.HistoryChange;
import app.pathary.history.HistoryListener;
import app.pathary.history.HistoryQueries;
import app.pathary.history.PlayedMovie;
import app.pathary.job.Job;
import app.pathary.job.JobContext;
import app.pathary.job.JobHandler;
import app.pathary.job.JobQueue;
import app.pathary.job.NewJob;
import app.pathary.movie.Movie;
import app.pathary.movie.MovieQueries;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "Automatically export history changes to Jellyfin". A change that makes a date the movie's latest, or removes the
 * latest date, queues a sync job for that movie; a change to an older date queues nothing. Changes that came from a
 * Jellyfin import are not pushed back. The job costs at most two requests per Jellyfin copy (read, then write only if
 * needed), using the per-user item index instead of a library scan.
 */
public final class JellyfinAutoSync implements HistoryListener, JobHandler {
    public static final String JOB_TYPE = "jellyfin_sync";
    private final JellyfinLinkRepository links;
    private final HistoryQueries history;
    private final MovieQueries movies;
    private final JobQueue jobs;
    private final JellyfinAccess access;
    private final JellyfinItemIndex index;
    private final JellyfinLibrary library;
    private final JellyfinClient client;
    private final Retries retries;
    private final ZoneId zone;

    JellyfinAutoSync(JellyfinLinkRepository links, HistoryQueries history, MovieQueries movies, JobQueue jobs,
            JellyfinAccess access, JellyfinItemIndex index, JellyfinLibrary library, JellyfinClient client, Retries retries,
            ZoneId zone) {
        this.links = links;
        this.history = history;
        this.movies = movies;
        this.jobs = jobs;
        this.access = access;
        this.index = index;
        this.library = library;
        this.client = client;
        this.retries = retries;
        this.zone = zone;
    }

    @Override
    public void onChanges(List<HistoryChange> changes) {
        Map<Long, Boolean> syncing = new HashMap<>();
        for (HistoryChange change : changes) {
            if (change.source() == HistoryChange.Source.JELLYFIN_IMPORT
                    || !syncing.computeIfAbsent(change.userId(), this::syncs) || !movesLatest(change)) {
                continue;
            }
            jobs.enqueue(NewJob.of(JOB_TYPE, change.userId(), "{\"movieId\":" + change.movieId() + "}",
                    JOB_TYPE + ":" + change.userId() + ":" + change.movieId()));
        }
    }

    /** Whether the user's changes are to be pushed: read once per batch of changes, before any history query. */
    private boolean syncs(long userId) {
        JellyfinLink link = links.of(userId);
        return link.syncEnabled() && link.authenticated() && !link.loginInvalid();
    }

    /** Whether Jellyfin's view of the movie (played, last played date) changes because of this change. */
    private boolean movesLatest(HistoryChange change) {
        List<PlayedMovie.DateEntry> dates = history.datesOf(change.userId(), change.movieId());
        if (dates.isEmpty()) {
            return true;
        }
        LocalDate latest = dates.getFirst().watchedAt();
        return switch (change.kind()) {
            case ADDED -> Objects.equals(change.date(), latest);
            case REMOVED -> change.date() == null ? latest == null : latest == null || change.date().isAfter(latest);
            case ALL_REMOVED -> true;
        };
    }

    @Override
    public String run(Job job, JobContext context) {
        long userId = job.userId();
        long movieId = Long.parseLong(job.params().replaceAll("\\D", ""));
        Movie movie = movies.byId(movieId).orElse(null);
        if (movie == null) {
            return "The movie no longer exists.";
        }
        JellyfinAccess.Session session = access.of(userId);
        try {
            if (index.size(userId) == 0) {
                index.replace(userId, library.movies(session.server(), session.jellyfinUserId(), JobContext.NONE));
            }
            List<PlayedMovie.DateEntry> dates = history.datesOf(userId, movieId);
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
            throw access.revoked(userId);
        }
    }

    private int unplay(JellyfinAccess.Session session, String itemId) {
        retries.call(() -> client.markUnplayed(session.server(), session.jellyfinUserId(), itemId));
        return 1;
    }

    private int push(JellyfinAccess.Session session, String itemId, LocalDate latest) {
        UserItemDataDto current = client.userData(session.server(), session.jellyfinUserId(), itemId);
        boolean sameDay = latest == null
                ? current.played()
                : current.played() && current.lastPlayedDate() != null && current.lastPlayedDate().atZone(zone).toLocalDate().equals(latest);
        if (sameDay) {
            return 0;
        }
        var update = new UpdateUserItemDataDto(true, Math.max(1, current.playCount()),
                latest == null ? null : latest.atTime(LocalTime.NOON).atZone(zone).toInstant(), null, null);
        retries.call(() -> client.updateUserData(session.server(), session.jellyfinUserId(), itemId, update));
        return 1;
    }
}
