package app.pathary.jellyfin.sync;

import app.pathary.common.Plural;
import app.pathary.history.EpisodeCommand;
import app.pathary.history.EpisodeHistory;
import app.pathary.history.EpisodeHistoryQueries;
import app.pathary.history.EpisodeRef;
import app.pathary.history.HistoryChange.Source;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.job.JobContext;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jellyfin episode plays become episode watch dates, as the movies do: an episode is its series' provider ids plus
 * season and number (all copies, in any library, count together); the latest last-played date of its played copies
 * becomes a date with one play unless the user already has a date that day. Existing dates are never changed, so a
 * second import changes nothing: the user's dates are read once up front ({@link StoredEpisodeDates}) and only what
 * would change goes to the history, in one transaction; a second import costs one read instead of a query per episode.
 */
final class JellyfinEpisodeImport {
    private final JellyfinAccess access;
    private final JellyfinEpisodeLibrary library;
    private final JellyfinEpisodeIndex index;
    private final EpisodeHistory history;
    private final EpisodeHistoryQueries queries;
    private final ZoneId zone;

    JellyfinEpisodeImport(JellyfinAccess access, JellyfinEpisodeLibrary library, JellyfinEpisodeIndex index, EpisodeHistory history,
            EpisodeHistoryQueries queries, ZoneId zone) {
        this.access = access;
        this.library = library;
        this.index = index;
        this.history = history;
        this.queries = queries;
        this.zone = zone;
    }

    record Summary(int scanned, int played, int added, int alreadyPresent, int unmatched) {
        @Override
        public String toString() {
            return "Episodes: scanned " + Plural.of(scanned, "item") + ", " + played + " played; added " + Plural.of(added, "watch date")
                    + ", " + alreadyPresent + " already present; " + unmatched + " without series ids or numbers skipped.";
        }
    }

    Summary run(long userId, JobContext progress) {
        JellyfinAccess.Session session = access.of(userId);
        JellyfinEpisodeLibrary.Episodes read;
        try {
            read = library.episodes(session.server(), session.jellyfinUserId(), progress);
        } catch (JellyfinException.Unauthorized e) {
            throw access.revoked(session);
        }
        Map<String, LibraryEpisode> latest = new LinkedHashMap<>();
        int played = 0;
        for (LibraryEpisode episode : read.episodes()) {
            if (!episode.played()) {
                continue;
            }
            played++;
            if (episode.lastPlayed() != null) {
                latest.merge(episode.key(), episode, (a, b) -> a.lastPlayed().isAfter(b.lastPlayed()) ? a : b);
            }
        }
        StoredEpisodeDates stored = StoredEpisodeDates.of(queries, userId);
        List<EpisodeCommand> commands = new ArrayList<>();
        int present = 0;
        for (LibraryEpisode episode : latest.values()) {
            EpisodeRef.CreateIfMissing ref = ref(episode);
            LocalDate date = watchDate(episode.lastPlayed());
            if (stored.unchanged(ref.show(), ref.episode(), date)) {
                present++;
            } else {
                commands.add(new EpisodeCommand.MergeDate(ref, date, 1, null));
            }
        }
        int added = commands.isEmpty() ? 0 : history.apply(userId, commands, Source.JELLYFIN_IMPORT).size();
        index.replace(userId, read.episodes());
        return new Summary(read.episodes().size() + read.unmatched(), played, added, present + commands.size() - added, read.unmatched());
    }

    static EpisodeRef.CreateIfMissing ref(LibraryEpisode episode) {
        var series = episode.series();
        return new EpisodeRef.CreateIfMissing(new NewShow(series.ids(), series.title(), series.year()),
                new NewEpisode(episode.season(), episode.number(), episode.endNumber(), episode.title()));
    }

    /** The day in {@code TIMEZONE}; "date unknown" when it lies outside the window of watch dates. */
    private LocalDate watchDate(Instant lastPlayed) {
        try {
            LocalDate date = lastPlayed.atZone(zone).toLocalDate();
            return history.window().contains(date) ? date : null;
        } catch (java.time.DateTimeException tooFar) {
            return null;
        }
    }
}
