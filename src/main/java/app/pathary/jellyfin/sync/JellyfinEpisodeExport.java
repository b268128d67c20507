package app.pathary.jellyfin.sync;

import app.pathary.common.Plural;
import app.pathary.history.EpisodeHistoryQueries;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.job.JobContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Episode watch dates become Jellyfin plays, exactly as the movies' ({@link PlaystateWrites}): every Jellyfin copy of
 * an episode the user watched (matched by its series' provider ids, season and number, in every library) is marked
 * played on the latest date, or gets that date; copies already right get no request. Optionally, played episodes
 * without any watch date are marked unplayed.
 */
final class JellyfinEpisodeExport {
    private final JellyfinAccess access;
    private final JellyfinEpisodeLibrary library;
    private final JellyfinEpisodeIndex index;
    private final PlaystateWrites writes;
    private final EpisodeHistoryQueries history;

    JellyfinEpisodeExport(JellyfinAccess access, JellyfinEpisodeLibrary library, JellyfinEpisodeIndex index, PlaystateWrites writes,
            EpisodeHistoryQueries history) {
        this.access = access;
        this.library = library;
        this.index = index;
        this.writes = writes;
        this.history = history;
    }

    record Summary(int scanned, int markedPlayed, int dateChanged, int markedUnplayed, int unchanged, int unmatched) {
        @Override
        public String toString() {
            return "Episodes: scanned " + Plural.of(scanned, "item") + "; marked " + markedPlayed + " played, changed the date of "
                    + dateChanged + ", marked " + markedUnplayed + " unplayed; " + unchanged + (unchanged == 1 ? " was" : " were")
                    + " already right; " + unmatched + " without series ids or numbers skipped.";
        }
    }

    Summary run(long userId, boolean markUnplayedWithoutDates, JobContext progress) throws Exception {
        JellyfinAccess.Session session = access.of(userId);
        StoredEpisodeDates dates = StoredEpisodeDates.of(history, userId);
        JellyfinEpisodeLibrary.Episodes read;
        try {
            read = library.episodes(session.server(), session.jellyfinUserId(), JobContext.NONE);
        } catch (JellyfinException.Unauthorized e) {
            throw access.revoked(session);
        }
        index.replace(userId, read.episodes());
        List<PlaystateWrites.Write> planned = new ArrayList<>();
        for (LibraryEpisode episode : read.episodes()) {
            var ids = episode.series().ids();
            if (dates.watched(ids, episode.season(), episode.number())) {
                PlaystateWrites.Write write = writes.plan(episode.itemId(), episode.played(), episode.playCount(), episode.lastPlayed(),
                        dates.latest(ids, episode.season(), episode.number()));
                if (write != null) {
                    planned.add(write);
                }
            } else if (markUnplayedWithoutDates && episode.played()) {
                planned.add(new PlaystateWrites.Write(episode.itemId(), episode.playCount(), PlaystateWrites.Change.UNPLAYED, null));
            }
        }
        writes.apply(session, planned, progress, itemId -> index.remove(userId, itemId));
        int played = (int) planned.stream().filter(w -> w.change() == PlaystateWrites.Change.PLAYED).count();
        int dated = (int) planned.stream().filter(w -> w.change() == PlaystateWrites.Change.DATE).count();
        int unplayed = planned.size() - played - dated;
        return new Summary(read.episodes().size() + read.unmatched(), played, dated, unplayed, read.episodes().size() - planned.size(),
                read.unmatched());
    }
}
