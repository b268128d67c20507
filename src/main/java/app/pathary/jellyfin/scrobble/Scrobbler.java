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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Turns a webhook delivery into a watch date: a completed PlaybackStop of a movie with a TMDb id adds one play on the
 * day it ended (in {@code TIMEZONE}). The same delivery twice (Jellyfin user, item, UtcTimestamp) counts once, because
 * its key is claimed in the same transaction as the play.
 */
public final class Scrobbler {
    private static final Pattern IMDB_ID = Pattern.compile("tt\\d{5,10}");
    private final WatchHistory history;
    private final DeliveryLog log;
    private final DeliveryKeys keys;
    private final Clock clock;
    private final ZoneId zone;

    public Scrobbler(WatchHistory history, DeliveryLog log, Clock clock, ZoneId zone) {
        this.history = history;
        this.log = log;
        this.keys = new DeliveryKeys(clock);
        this.clock = clock;
        this.zone = zone;
    }

    /** What became of a delivery. {@code movie} and {@code watchedAt} are set when it was recorded. */
    public record Outcome(String result, String reason, Movie movie, LocalDate watchedAt) {
        static Outcome ignored(String reason) {
            return new Outcome("ignored", reason, null, null);
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
            Outcome outcome = decide(link, payload, title);
            if (outcome != null) {
                log.record(link.userId(), title, outcome.result(), outcome.reason());
                return outcome;
            }
            return record(link, payload, title);
        } catch (InvalidInputException e) {
            log.record(link.userId(), title, "rejected", e.getMessage());
            throw e;
        }
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
        if (!itemType.equals("Movie")) {
            return Outcome.ignored("Item type " + itemType + " is not counted; only movies are.");
        }
        Optional<String> player = payload.text("UserId");
        if (link.jellyfinUserId() != null && player.isPresent() && !sameGuid(player.get(), link.jellyfinUserId())) {
            return Outcome.ignored("Played by another Jellyfin user (" + payload.text("NotificationUsername").orElse("unknown")
                    + "); set the webhook's User Filter to your user.");
        }
        if (!payload.requiredBoolean("PlayedToCompletion")) {
            return Outcome.ignored("Not played to completion.");
        }
        if (tmdbId(payload).isEmpty()) {
            return Outcome.ignored("Jellyfin has no TMDb id for " + (title == null ? "this movie" : title) + ".");
        }
        return null;
    }

    private Outcome record(JellyfinLink link, WebhookPayload payload, String title) {
        int tmdbId = tmdbId(payload).orElseThrow();
        NewMovie movie = new NewMovie(tmdbId, payload.text("Provider_imdb").filter(s -> IMDB_ID.matcher(s).matches()).orElse(null),
                title == null ? "TMDb " + tmdbId : title, payload.integer("Year").filter(y -> y >= 1870 && y <= 2200).orElse(null),
                payload.escapedText("Overview").orElse(null));
        Optional<String> utc = payload.text("UtcTimestamp");
        Instant ended = utc.flatMap(WebhookTimestamps::parse)
                .or(() -> payload.text("Timestamp").flatMap(WebhookTimestamps::parse))
                .orElse(clock.instant());
        LocalDate date = ended.atZone(zone).toLocalDate();
        String key = deliveryKey(payload, utc);
        var command = new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(movie), date, 1, null);
        Optional<List<HistoryChange>> changes = history.applyIf(link.userId(), List.of(command), Source.WEBHOOK,
                h -> claim(h, link.userId(), key, title));
        if (changes.isEmpty()) {
            return new Outcome("duplicate", "This delivery was already counted.", null, null);
        }
        return new Outcome("recorded", null, changes.get().getFirst().movie(), date);
    }

    /** Claims the delivery's key and logs the delivery, in the play's transaction; false when already claimed. */
    private boolean claim(Handle h, long userId, String key, String title) {
        boolean claimed = key == null || keys.claim(h, userId, key);
        log.record(h, userId, title, claimed ? "recorded" : "duplicate", claimed ? null : "This delivery was already counted.");
        return claimed;
    }

    /** (Jellyfin user, item, UtcTimestamp): what makes two deliveries the same; null when the payload lacks them. */
    private static String deliveryKey(WebhookPayload payload, Optional<String> utc) {
        Optional<String> user = payload.text("UserId");
        Optional<String> item = payload.text("ItemId");
        if (user.isEmpty() || item.isEmpty() || utc.isEmpty()) {
            return null;
        }
        return normalGuid(user.get()) + "/" + normalGuid(item.get()) + "/" + utc.get().strip();
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

    private static String normalGuid(String guid) {
        return guid.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }
}
