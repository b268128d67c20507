package app.pathary.jellyfin.sync;

import app.pathary.common.Plural;
import app.pathary.history.HistoryQueries;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.dto.UpdateUserItemDataDto;
import app.pathary.job.JobContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watch dates become Jellyfin plays. For every Jellyfin copy of a movie the user watched: an unplayed item is marked
 * played on the latest watch date; a played item whose last played date (in {@code TIMEZONE}) differs gets that date.
 * A date is sent as noon of that day in {@code TIMEZONE}, so it comes back as the same day in any time zone. Items
 * already right get no request, so exporting twice sends nothing the second time. Optionally, played movies without
 * any watch date are marked unplayed.
 */
public final class JellyfinExport {
    static final int WRITERS = 4;
    private final JellyfinAccess access;
    private final JellyfinLibrary library;
    private final JellyfinItemIndex index;
    private final JellyfinClient client;
    private final Retries retries;
    private final HistoryQueries history;
    private final ZoneId zone;
    private final app.pathary.jellyfin.link.JellyfinWrites writes;

    JellyfinExport(JellyfinAccess access, JellyfinLibrary library, JellyfinItemIndex index, JellyfinMovieSync.Playstate playstate,
            HistoryQueries history) {
        this.access = access;
        this.library = library;
        this.index = index;
        this.client = playstate.client();
        this.retries = playstate.retries();
        this.history = history;
        this.zone = playstate.zone();
        this.writes = playstate.writes();
    }

    public record Summary(int scanned, int markedPlayed, int dateChanged, int markedUnplayed, int unchanged, int withoutTmdbId) {
        @Override
        public String toString() {
            return "Scanned " + Plural.of(scanned, "item") + "; marked " + markedPlayed + " played, changed the date of " + dateChanged
                    + ", marked " + markedUnplayed + " unplayed; " + unchanged + (unchanged == 1 ? " was" : " were") + " already right; "
                    + Plural.of(withoutTmdbId, "item") + " without a TMDb id " + (withoutTmdbId == 1 ? "was" : "were") + " skipped.";
        }
    }

    private enum Change { PLAYED, DATE, UNPLAYED }

    private record Write(LibraryMovie item, Change change, Instant date) {
    }

    public Summary run(long userId, boolean markUnplayedWithoutDates, JobContext progress) throws Exception {
        JellyfinAccess.Session session = access.of(userId);
        Map<Integer, LocalDate> latest = history.latestDatesByTmdbId(userId);
        List<LibraryMovie> movies;
        try {
            movies = library.movies(session.server(), session.jellyfinUserId(), JobContext.NONE);
        } catch (JellyfinException.Unauthorized e) {
            throw access.revoked(session);
        }
        index.replace(userId, movies);
        List<Write> writes = new ArrayList<>();
        int withoutTmdb = 0;
        for (LibraryMovie movie : movies) {
            if (movie.tmdbId() == null) {
                withoutTmdb++;
            } else if (latest.containsKey(movie.tmdbId())) {
                planPlayed(movie, latest.get(movie.tmdbId()), writes);
            } else if (markUnplayedWithoutDates && movie.played()) {
                writes.add(new Write(movie, Change.UNPLAYED, null));
            }
        }
        apply(userId, session, writes, progress);
        int played = (int) writes.stream().filter(w -> w.change() == Change.PLAYED).count();
        int dated = (int) writes.stream().filter(w -> w.change() == Change.DATE).count();
        int unplayed = writes.size() - played - dated;
        return new Summary(movies.size(), played, dated, unplayed, movies.size() - withoutTmdb - writes.size(), withoutTmdb);
    }

    /** What the item needs so that Jellyfin shows the latest watch date; nothing when it already does. */
    private void planPlayed(LibraryMovie movie, LocalDate latest, List<Write> writes) {
        if (latest == null) {
            if (!movie.played()) {
                writes.add(new Write(movie, Change.PLAYED, null));
            }
            return;
        }
        Instant noon = latest.atTime(LocalTime.NOON).atZone(zone).toInstant();
        if (!movie.played()) {
            writes.add(new Write(movie, Change.PLAYED, noon));
        } else if (movie.lastPlayed() == null || !movie.lastPlayed().atZone(zone).toLocalDate().equals(latest)) {
            writes.add(new Write(movie, Change.DATE, noon));
        }
    }

    /**
     * Sends the writes, four at a time. One that still fails after its retries does not stop the others: the run
     * finishes what it can and then fails with the count, so that the job's next attempt (which reads the library again
     * and plans only what is still needed) has little left to do. A revoked token stops everything at once.
     */
    private void apply(long userId, JellyfinAccess.Session session, List<Write> writes, JobContext progress) throws Exception {
        AtomicInteger done = new AtomicInteger();
        progress.progress(0, writes.size());
        int failed = 0;
        Exception first = null;
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS, Thread.ofVirtual().name("jellyfin-export-", 0).factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (Write write : writes) {
                futures.add(writers.submit(() -> {
                    send(userId, session, write);
                    progress.progress(done.incrementAndGet(), writes.size());
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof JellyfinException.Unauthorized || !(e.getCause() instanceof JellyfinException)) {
                        futures.forEach(f -> f.cancel(true));
                        if (e.getCause() instanceof JellyfinException.Unauthorized) {
                            throw access.revoked(session);
                        }
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                    failed++;
                    first = first == null ? (Exception) e.getCause() : first;
                }
            }
        }
        if (first != null) {
            throw new JellyfinExportIncomplete(failed, writes.size(), first);
        }
    }

    private void send(long userId, JellyfinAccess.Session session, Write write) {
        String itemId = write.item().itemId();
        try {
            retries.call(() -> switch (write.change()) {
                case UNPLAYED -> client.markUnplayed(session.server(), session.jellyfinUserId(), itemId);
                case PLAYED, DATE -> client.updateUserData(session.server(), session.jellyfinUserId(), itemId,
                        new UpdateUserItemDataDto(true, Math.max(1, write.item().playCount()), write.date(), null, null));
            });
            if (write.date() != null) {
                writes.record(userId, itemId, write.date());
            }
        } catch (JellyfinException.NotFound gone) {
            index.remove(userId, itemId);
        }
    }
}
