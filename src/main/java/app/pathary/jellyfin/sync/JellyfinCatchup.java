package app.pathary.jellyfin.sync;

import app.pathary.common.Plural;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.history.PlayedMovie;
import app.pathary.jellyfin.client.ItemQuery;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemFields;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.SortOrder;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.jellyfin.link.JellyfinWrites;
import app.pathary.job.JobContext;
import app.pathary.movie.Movie;
import app.pathary.movie.NewMovie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catch-up sync: plays the webhook missed (plugin down, Pathary down) found in Jellyfin, movies first and episodes
 * alike (an episode matched by its series' provider ids, read once per series, plus season and number). It reads the
 * user's played items newest first ({@code sortBy=DatePlayed} descending, paged) until one was last played before the user's
 * watermark (the newest LastPlayedDate the previous catch-up read, less {@link #OVERLAP}; {@link #FIRST_LOOKBACK} before
 * now on the first run), and adds each such item once, on the day of its LastPlayedDate in {@code TIMEZONE}, marked
 * "from catch-up". An item is skipped when the user already has a date of it on that day or on the day the play ended
 * (a play that started before midnight ends on the next day, and the webhook counts the end), and when its LastPlayedDate
 * is exactly what Pathary itself wrote there ({@link JellyfinWrites}: the echo of an export or automatic sync).
 *
 * <p>A page that fails or cannot be read fails the job: the watermark moves only after a run that read everything it
 * needed, so a failed read is tried again, never taken for "nothing was played".
 */
final class JellyfinCatchup {
    static final int PAGE_SIZE = 200;
    /** How far back the first catch-up of a user reads. */
    static final Duration FIRST_LOOKBACK = Duration.ofDays(7);
    /** Read again before the watermark: a play in progress when the last catch-up ran has an older LastPlayedDate (its start). */
    static final Duration OVERLAP = Duration.ofHours(6);
    /** Jellyfin's LastPlayedDate is when the play started; the webhook counts the day it ended, at most this much later. */
    static final Duration LONGEST_PLAY = Duration.ofHours(6);
    private final Remote remote;
    private final JellyfinSyncFacade.Collaborators history;
    private final Clock clock;
    private final ZoneId zone;

    /** Where the catch-up reads and what it remembers: the user's access, the client, the recorded writes and the links. */
    record Remote(JellyfinAccess access, JellyfinClient client, JellyfinWrites writes, JellyfinLinkRepository links,
            JellyfinEpisodeLibrary episodes) {
    }

    JellyfinCatchup(Remote remote, JellyfinSyncFacade.Collaborators history, Clock clock, ZoneId zone) {
        this.remote = remote;
        this.history = history;
        this.clock = clock;
        this.zone = zone;
    }

    public record Summary(int read, int added, int alreadyRecorded, int echoes, int withoutTmdbId) {
        @Override
        public String toString() {
            return "Read " + Plural.of(read, "play") + " since the last catch-up; added " + Plural.of(added, "watch date")
                    + " the webhook missed; " + alreadyRecorded + " " + (alreadyRecorded == 1 ? "was" : "were") + " already recorded, "
                    + Plural.of(echoes, "echo") + " of Pathary's own writes ignored, " + withoutTmdbId
                    + " without a TMDb id (movies) or series ids and numbers (episodes) skipped.";
        }
    }

    Summary run(long userId, JobContext progress) {
        JellyfinAccess.Session session = remote.access().of(userId);
        Instant since = remote.links().catchupWatermark(userId).map(w -> w.minus(OVERLAP))
                .orElseGet(() -> clock.instant().minus(FIRST_LOOKBACK));
        Map<String, Instant> written = remote.writes().of(userId);
        ItemQuery query = ItemQuery.builder().userId(session.jellyfinUserId()).includeItemTypes(BaseItemKind.Movie, BaseItemKind.Episode).recursive(true)
                .isPlayed(true).fields(ItemFields.ProviderIds).enableUserData(true).enableImages(false)
                .sortBy(SortOrder.Descending, ItemSortBy.DatePlayed, ItemSortBy.SortName).build();
        int read = 0;
        int added = 0;
        int already = 0;
        int echoes = 0;
        int withoutTmdb = 0;
        Instant newest = null;
        try {
            Iterator<BaseItemDtoQueryResult> pages = remote.client().pages(session.server(), query, PAGE_SIZE).iterator();
            boolean older = false;
            Map<String, LibraryEpisode.LibrarySeries> series = new java.util.HashMap<>();
            while (!older && pages.hasNext()) {
                List<BaseItemDto> items = pages.next().items();
                learnSeries(session, items, series);
                for (BaseItemDto item : items) {
                    Instant lastPlayed = item.userData() == null ? null : item.userData().lastPlayedDate();
                    if (lastPlayed == null || lastPlayed.isBefore(since)) {
                        older = true;
                        break;
                    }
                    read++;
                    newest = newest == null || lastPlayed.isAfter(newest) ? lastPlayed : newest;
                    if (lastPlayed.equals(written.get(item.id()))) {
                        echoes++;
                        continue;
                    }
                    if ("Episode".equals(item.type())) {
                        Optional<LibraryEpisode> episode = JellyfinEpisodeLibrary.episode(item, series);
                        if (episode.isEmpty()) {
                            withoutTmdb++;
                        } else if (addEpisode(userId, episode.get(), lastPlayed)) {
                            added++;
                        } else {
                            already++;
                        }
                        continue;
                    }
                    Optional<Integer> tmdb = item.tmdbId().filter(id -> id.matches("\\d{1,9}")).map(Integer::valueOf).filter(id -> id > 0);
                    if (tmdb.isEmpty()) {
                        withoutTmdb++;
                    } else if (add(userId, item, tmdb.get(), lastPlayed)) {
                        added++;
                    } else {
                        already++;
                    }
                }
                progress.progress(read, read);
            }
        } catch (JellyfinException.Unauthorized e) {
            throw remote.access().revoked(session);
        }
        if (newest != null) {
            remote.links().saveCatchup(userId, newest);
        } else if (remote.links().catchupWatermark(userId).isEmpty()) {
            remote.links().saveCatchup(userId, since);
        }
        return new Summary(read, added, already, echoes, withoutTmdb);
    }

    /** Reads the series of this page's episodes not seen yet (one request): episodes carry no provider ids of their series. */
    private void learnSeries(JellyfinAccess.Session session, List<BaseItemDto> items, Map<String, LibraryEpisode.LibrarySeries> known) {
        java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        for (BaseItemDto item : items) {
            if ("Episode".equals(item.type()) && item.seriesId() != null && !known.containsKey(item.seriesId())) {
                missing.add(item.seriesId());
            }
        }
        if (!missing.isEmpty()) {
            known.putAll(remote.episodes().series(session.server(), session.jellyfinUserId(), missing));
        }
    }

    /** The episode's day unless it lies outside the window of watch dates (null then). */
    private LocalDate dayOf(Instant lastPlayed) {
        try {
            LocalDate day = lastPlayed.atZone(zone).toLocalDate();
            return history.watchHistory().window().contains(day) ? day : null;
        } catch (java.time.DateTimeException tooFar) {
            return null;
        }
    }

    /** As {@link #add} for an episode, matched by its series' ids, season and number. */
    private boolean addEpisode(long userId, LibraryEpisode episode, Instant lastPlayed) {
        LocalDate day = dayOf(lastPlayed);
        if (day == null) {
            return false;
        }
        LocalDate ended = lastPlayed.plus(LONGEST_PLAY).atZone(zone).toLocalDate();
        var known = history.shows().byIds(episode.series().ids()).flatMap(show -> history.shows().episodes(show.id()).stream()
                .filter(e -> e.season() == episode.season() && e.number() == episode.number()).findFirst());
        if (known.isPresent()) {
            List<LocalDate> dates = history.episodeQueries().datesOf(userId, known.get().id()).stream()
                    .map(app.pathary.history.EpisodeWatchDate::watchedAt).toList();
            if (dates.contains(day) || dates.contains(ended)) {
                return false;
            }
        }
        var command = new app.pathary.history.EpisodeCommand.MergeDate(JellyfinEpisodeImport.ref(episode), day, 1, null);
        return !history.episodes().apply(userId, List.of(command), Source.CATCHUP).isEmpty();
    }

    /** Adds the play unless the user has a date of the movie on its day or the day it ended; returns whether it was added. */
    private boolean add(long userId, BaseItemDto item, int tmdbId, Instant lastPlayed) {
        LocalDate day;
        try {
            day = lastPlayed.atZone(zone).toLocalDate();
        } catch (java.time.DateTimeException tooFar) {
            return false;
        }
        if (!history.watchHistory().window().contains(day)) {
            return false;
        }
        LocalDate ended = lastPlayed.plus(LONGEST_PLAY).atZone(zone).toLocalDate();
        Optional<Movie> known = history.movies().byTmdbId(tmdbId);
        if (known.isPresent()) {
            List<LocalDate> dates = history.queries().datesOf(userId, known.get().id()).stream().map(PlayedMovie.DateEntry::watchedAt).toList();
            if (dates.contains(day) || dates.contains(ended)) {
                return false;
            }
        }
        var command = new HistoryCommand.MergeDate(new MovieRef.CreateIfMissing(newMovie(item, tmdbId)), day, 1, null);
        return !history.watchHistory().apply(userId, List.of(command), Source.CATCHUP).isEmpty();
    }

    private static NewMovie newMovie(BaseItemDto item, int tmdbId) {
        String name = item.name() == null || item.name().isBlank() ? "TMDb " + tmdbId : item.name();
        String imdb = item.imdbId().filter(id -> id.matches("tt\\d{5,10}")).orElse(null);
        Integer year = item.productionYear() != null && item.productionYear() >= 1870 && item.productionYear() <= 2200 ? item.productionYear() : null;
        return new NewMovie(tmdbId, imdb, name.length() > 500 ? name.substring(0, 500) : name, year, null);
    }
}
