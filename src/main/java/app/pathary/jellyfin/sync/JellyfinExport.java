package app.pathary.jellyfin.sync;

import app.pathary.common.Plural;
import app.pathary.history.HistoryQueries;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.job.JobContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watch dates become Jellyfin plays. For every Jellyfin copy of a movie the user watched: an unplayed item is marked
 * played on the latest watch date; a played item whose last played date (in {@code TIMEZONE}) differs gets that date.
 * A date is sent as noon of that day in {@code TIMEZONE}, so it comes back as the same day in any time zone. Items
 * already right get no request, so exporting twice sends nothing the second time. Optionally, played movies without
 * any watch date are marked unplayed.
 */
public final class JellyfinExport {
    static final int WRITERS = PlaystateWrites.WRITERS;
    private final JellyfinAccess access;
    private final JellyfinLibrary library;
    private final JellyfinItemIndex index;
    private final PlaystateWrites writes;
    private final HistoryQueries history;

    JellyfinExport(JellyfinAccess access, JellyfinLibrary library, JellyfinItemIndex index, PlaystateWrites writes, HistoryQueries history) {
        this.access = access;
        this.library = library;
        this.index = index;
        this.writes = writes;
        this.history = history;
    }

    public record Summary(int scanned, int markedPlayed, int dateChanged, int markedUnplayed, int unchanged, int withoutTmdbId) {
        @Override
        public String toString() {
            return "Scanned " + Plural.of(scanned, "item") + "; marked " + markedPlayed + " played, changed the date of " + dateChanged
                    + ", marked " + markedUnplayed + " unplayed; " + unchanged + (unchanged == 1 ? " was" : " were") + " already right; "
                    + Plural.of(withoutTmdbId, "item") + " without a TMDb id " + (withoutTmdbId == 1 ? "was" : "were") + " skipped.";
        }
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
        List<PlaystateWrites.Write> planned = new ArrayList<>();
        int withoutTmdb = 0;
        for (LibraryMovie movie : movies) {
            if (movie.tmdbId() == null) {
                withoutTmdb++;
            } else if (latest.containsKey(movie.tmdbId())) {
                PlaystateWrites.Write write = writes.plan(movie.itemId(), movie.played(), movie.playCount(), movie.lastPlayed(),
                        latest.get(movie.tmdbId()));
                if (write != null) {
                    planned.add(write);
                }
            } else if (markUnplayedWithoutDates && movie.played()) {
                planned.add(new PlaystateWrites.Write(movie.itemId(), movie.playCount(), PlaystateWrites.Change.UNPLAYED, null));
            }
        }
        writes.apply(session, planned, progress, itemId -> index.remove(userId, itemId));
        int played = (int) planned.stream().filter(w -> w.change() == PlaystateWrites.Change.PLAYED).count();
        int dated = (int) planned.stream().filter(w -> w.change() == PlaystateWrites.Change.DATE).count();
        int unplayed = planned.size() - played - dated;
        return new Summary(movies.size(), played, dated, unplayed, movies.size() - withoutTmdb - planned.size(), withoutTmdb);
    }
}
