package app.pathary.jellyfin.sync;

import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.dto.UpdateUserItemDataDto;
import app.pathary.jellyfin.link.JellyfinWrites;
import app.pathary.job.JobContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The writes of an export (movies and episodes alike): what an item needs so that Jellyfin shows the latest watch date,
 * and sending those writes four at a time. A date is sent as noon of that day in {@code TIMEZONE} and recorded in
 * {@link JellyfinWrites}, so the catch-up sync knows the echo. The play count is kept (at least 1): no inflation.
 */
final class PlaystateWrites {
    static final int WRITERS = 4;
    private final JellyfinAccess access;
    private final JellyfinClient client;
    private final Retries retries;
    private final JellyfinWrites writes;
    private final ZoneId zone;

    PlaystateWrites(JellyfinAccess access, JellyfinMovieSync.Playstate playstate) {
        this.access = access;
        this.client = playstate.client();
        this.retries = playstate.retries();
        this.writes = playstate.writes();
        this.zone = playstate.zone();
    }

    enum Change { PLAYED, DATE, UNPLAYED }

    record Write(String itemId, int playCount, Change change, Instant date) {
    }

    /**
     * What the item needs to show {@code latest} (null: watched on an unknown date); null when it already does.
     */
    Write plan(String itemId, boolean played, int playCount, Instant lastPlayed, LocalDate latest) {
        if (latest == null) {
            return played ? null : new Write(itemId, playCount, Change.PLAYED, null);
        }
        Instant noon = latest.atTime(LocalTime.NOON).atZone(zone).toInstant();
        if (!played) {
            return new Write(itemId, playCount, Change.PLAYED, noon);
        }
        if (lastPlayed == null || !lastPlayed.atZone(zone).toLocalDate().equals(latest)) {
            return new Write(itemId, playCount, Change.DATE, noon);
        }
        return null;
    }

    /**
     * Sends the writes, four at a time. One that still fails after its retries does not stop the others: the run
     * finishes what it can and then fails with the count, so that the job's next attempt (which reads the library again
     * and plans only what is still needed) has little left to do. A revoked token stops everything at once. An item
     * that vanished (404) is handed to {@code gone}.
     */
    void apply(JellyfinAccess.Session session, List<Write> planned, JobContext progress, Consumer<String> gone) throws Exception {
        AtomicInteger done = new AtomicInteger();
        progress.progress(0, planned.size());
        int failed = 0;
        Exception first = null;
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS, Thread.ofVirtual().name("jellyfin-export-", 0).factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (Write write : planned) {
                futures.add(writers.submit(() -> {
                    send(session, write, gone);
                    progress.progress(done.incrementAndGet(), planned.size());
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
            throw new JellyfinExportIncomplete(failed, planned.size(), first);
        }
    }

    private void send(JellyfinAccess.Session session, Write write, Consumer<String> gone) {
        String itemId = write.itemId();
        try {
            retries.call(() -> switch (write.change()) {
                case UNPLAYED -> client.markUnplayed(session.server(), session.jellyfinUserId(), itemId);
                case PLAYED, DATE -> client.updateUserData(session.server(), session.jellyfinUserId(), itemId,
                        new UpdateUserItemDataDto(true, Math.max(1, write.playCount()), write.date(), null, null));
            });
            if (write.date() != null) {
                writes.record(session.userId(), itemId, write.date());
            }
        } catch (JellyfinException.NotFound vanished) {
            gone.accept(itemId);
        }
    }
}
