package app.pathary.jellyfin.scrobble;

import app.pathary.common.InvalidInputException;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryChange;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.movie.Movie;
import app.pathary.movie.NewMovie;
import app.pathary.show.Episode;
import app.pathary.show.Show;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Turns a webhook delivery into a watch date: a completed PlaybackStop of a movie with a TMDb id adds one play on the
 * day it ended (an episode's goes to {@link EpisodeScrobbler}) (in {@code TIMEZONE}, see {@link PlayTime}). The same delivery twice counts once (see
 * {@link #deliveryKey}), because its key is claimed in the same transaction as the play.
 */
public final class Scrobbler {
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{5,10}");
    private final WatchHistory history;
    private final DeliveryLog log;
    private final DeliveryKeys keys;
    private final Clock clock;
    private final ZoneId zone;
    private final EpisodeScrobbler episodes;
    private final HandMarks marks;

    Scrobbler(WatchHistory history, DeliveryLog log, Clock clock, ZoneId zone, EpisodeScrobbler episodes,
            app.pathary.jellyfin.link.JellyfinWrites writes) {
        this.history = history;
        this.log = log;
        this.keys = new DeliveryKeys(clock);
        this.clock = clock;
        this.zone = zone;
        this.episodes = episodes;
        this.marks = new HandMarks(history, writes, clock, zone);
    }

    /**
     * What became of a delivery. When it was recorded, {@code watchedAt} is set with either {@code movie} or
     * {@code show} and {@code episode}.
     */
    public record Outcome(String result, String reason, Movie movie, Show show, Episode episode, LocalDate watchedAt) {
        Outcome(String result, String reason, Movie movie, LocalDate watchedAt) {
            this(result, reason, movie, null, null, watchedAt);
        }

        static Outcome ignored(String reason) {
            return new Outcome("ignored", reason, null, null);
        }

        static Outcome episode(String note, Show show, Episode episode, LocalDate watchedAt) {
            return new Outcome("recorded", note, null, show, episode, watchedAt);
        }
    }

    public Outcome handle(JellyfinLink link, byte[] body) {
        WebhookPayload payload;
        try {
            payload = WebhookPayload.parse(body);
        } catch (InvalidInputException e) {
            log.record(link.userId(), null, "rejected", e.getMessage());
            throw e;
        }
        String title = safeTitle(payload);
        try {
            if (isEpisode(payload)) {
                title = EpisodeScrobbler.title(payload, title);
            }
            if (payload.text("NotificationType").filter(HandMarks.TYPE::equals).isPresent()) {
                return mark(link, payload, title);
            }
            Outcome outcome = decide(link, payload, title);
            if (outcome != null) {
                log.record(link.userId(), title, outcome.result(), outcome.reason());
                return outcome;
            }
            return isEpisode(payload) ? episodes.record(link, payload, title) : record(link, payload, title);
        } catch (InvalidInputException e) {
            log.record(link.userId(), title, "rejected", e.getMessage());
            throw e;
        }
    }

    /** A UserDataSaved delivery: a hand mark, counted when the user opted in ({@link HandMarks}). */
    private Outcome mark(JellyfinLink link, WebhookPayload payload, String title) {
        Outcome outcome = marks.decide(link, payload, title);
        if (outcome != null) {
            log.record(link.userId(), title, outcome.result(), outcome.reason());
            return outcome;
        }
        if (isEpisode(payload)) {
            return episodes.recordMark(link, payload, title);
        }
        Outcome recorded = marks.record(link, payload, newMovie(payload, title), (h, key, note) -> claim(h, link.userId(), key, title, note));
        log.trimNowAndThen(link.userId());
        return recorded;
    }

    /** Why the delivery is not counted, or null when it is to be recorded. */
    private static Outcome decide(JellyfinLink link, WebhookPayload payload, String title) {
        String type = payload.requiredText("NotificationType");
        String itemType = payload.requiredText("ItemType");
        if (!link.scrobbleEnabled()) {
            return Outcome.ignored("Scrobbling is switched off.");
        }
        if (!type.equals("PlaybackStop")) {
            return Outcome.ignored("Notification type " + type + " is not counted; only PlaybackStop is.");
        }
        if (!itemType.equals("Movie") && !itemType.equals("Episode")) {
            return Outcome.ignored("Item type " + itemType + " is not counted; only movies and episodes are.");
        }
        Optional<String> player = payload.text("UserId");
        if (link.jellyfinUserId() != null && player.isPresent() && !sameGuid(player.get(), link.jellyfinUserId())) {
            return Outcome.ignored("Played by another Jellyfin user (" + payload.text("NotificationUsername").orElse("unknown")
                    + "); set the webhook's User Filter to your user.");
        }
        if (!payload.requiredBoolean("PlayedToCompletion")) {
            return Outcome.ignored("Not played to completion.");
        }
        if (itemType.equals("Episode")) {
            String refusal = EpisodeScrobbler.refusal(payload);
            return refusal == null ? null : Outcome.ignored(refusal);
        }
        if (tmdbId(payload).isEmpty()) {
            return Outcome.ignored("Jellyfin has no TMDb id for " + (title == null ? "this movie" : title) + ".");
        }
        return null;
    }

    private Outcome record(JellyfinLink link, WebhookPayload payload, String title) {
        int tmdbId = tmdbId(payload).orElseThrow();
        NewMovie movie = newMovie(payload, title);
        PlayTime ended = PlayTime.of(payload, history.window(), clock, zone);
        String key = deliveryKey(link, payload, tmdbId, ended);
        var command = new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(movie), ended.date(), 1, null);
        Optional<List<HistoryChange>> changes = history.applyIf(link.userId(), List.of(command), Source.WEBHOOK,
                h -> claim(h, link.userId(), key, title, ended.note()));
        log.trimNowAndThen(link.userId());
        if (changes.isEmpty()) {
            return new Outcome("duplicate", "This delivery was already counted.", null, null);
        }
        return new Outcome("recorded", ended.note(), changes.get().getFirst().movie(), ended.date());
    }

    /** The movie as the payload describes it (the payload has a TMDb id). */
    private static NewMovie newMovie(WebhookPayload payload, String title) {
        int tmdbId = tmdbId(payload).orElseThrow();
        return new NewMovie(tmdbId, payload.text("Provider_imdb").filter(s -> IMDB_ID.matcher(s).matches()).orElse(null),
                title == null ? "TMDb " + tmdbId : title, payload.integer("Year").filter(y -> y >= 1870 && y <= 2200).orElse(null),
                payload.escapedText("Overview").orElse(null));
    }

    /** Claims the delivery's key and logs the delivery, in the play's transaction; false when already claimed. */
    private boolean claim(Handle h, long userId, String key, String title, String note) {
        boolean claimed = keys.claim(h, userId, key);
        log.record(h, userId, title, claimed ? "recorded" : "duplicate", claimed ? note : "This delivery was already counted.");
        return claimed;
    }

    /**
     * What makes two deliveries the same play, in one canonical form: the Jellyfin user (the payload's UserId, else
     * the linked Jellyfin user), the movie (its TMDb id, whichever Jellyfin item of it was played) and the instant the
     * play ended (whatever its fraction digits or offset), or, for a delivery without a usable time, the day it was
     * received. A delivery lacking some of these still de-duplicates on the rest.
     */
    static String deliveryKey(JellyfinLink link, WebhookPayload payload, int tmdbId, PlayTime ended) {
        String user = payload.text("UserId").filter(s -> !s.isBlank()).map(Scrobbler::normalGuid)
                .or(() -> Optional.ofNullable(link.jellyfinUserId()).map(Scrobbler::normalGuid)).orElse("-");
        String time = ended.instant() != null ? ended.instant().toString() : "received " + ended.date();
        return "v2/" + user + "/tmdb" + tmdbId + "/" + time;
    }

    private static boolean isEpisode(WebhookPayload payload) {
        return payload.text("ItemType").filter("Episode"::equals).isPresent();
    }

    private static Optional<Integer> tmdbId(WebhookPayload payload) {
        return payload.providerId("Provider_tmdb");
    }

    private static String safeTitle(WebhookPayload payload) {
        try {
            return payload.escapedText("Name").map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> s.length() > 500 ? s.substring(0, 500) : s).orElse(null);
        } catch (InvalidInputException wrongType) {
            return null;
        }
    }

    private static boolean sameGuid(String a, String b) {
        return normalGuid(a).equals(normalGuid(b));
    }

    static String normalGuid(String guid) {
        return guid.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }
}
