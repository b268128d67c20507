package app.pathary.jellyfin.scrobble;

import app.pathary.history.HistoryChange;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.jellyfin.link.JellyfinWrites;
import app.pathary.movie.NewMovie;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A movie or an episode marked played by hand in Jellyfin: the plugin's {@code UserDataSaved} with {@code SaveReason} "TogglePlayed"
 * and {@code Played} true (Jellyfin sends no other event for a hand mark; every progress report is a UserDataSaved
 * too, with another reason). Counted only for a user who opted in: the date is the event's time ({@code UtcTimestamp}
 * in {@code TIMEZONE}) and the date is marked "marked in Jellyfin". A mark on a day the movie already has a date adds
 * nothing (a mark says "watched", not "watched once more"). A mark whose LastPlayedDate is what Pathary wrote there
 * itself is the echo of an export and is ignored. This class decides for both and records a movie's mark; an
 * episode's is recorded by {@link EpisodeScrobbler#recordMark}, which names its show as a play's.
 */
final class HandMarks {
    static final String TYPE = "UserDataSaved";
    static final String TOGGLE_PLAYED = "TogglePlayed";
    private final WatchHistory history;
    private final JellyfinWrites writes;
    private final Clock clock;
    private final ZoneId zone;

    HandMarks(WatchHistory history, JellyfinWrites writes, Clock clock, ZoneId zone) {
        this.history = history;
        this.writes = writes;
        this.clock = clock;
        this.zone = zone;
    }

    /** Claims a delivery's key and logs it with {@code note}, in the transaction of {@code h}; false when already claimed. */
    interface Claim {
        boolean claim(Handle h, String key, String note);
    }

    /** Why the mark is not counted, or null when it is to be recorded. */
    Scrobbler.Outcome decide(JellyfinLink link, WebhookPayload payload, String title) {
        String reason = payload.text("SaveReason").orElse("none");
        if (!link.scrobbleEnabled()) {
            return Scrobbler.Outcome.ignored("Scrobbling is switched off.");
        }
        if (!reason.equals(TOGGLE_PLAYED)) {
            return Scrobbler.Outcome.ignored("UserDataSaved with SaveReason " + reason + " is not a hand mark; only TogglePlayed is.");
        }
        if (!link.acceptMarks()) {
            return Scrobbler.Outcome.ignored("A hand mark in Jellyfin; counting them is off (switch it on on the Jellyfin page).");
        }
        if (!payload.requiredBoolean("Played")) {
            return Scrobbler.Outcome.ignored("Marked unplayed in Jellyfin; Pathary keeps its watch dates.");
        }
        String itemType = payload.requiredText("ItemType");
        boolean episode = itemType.equals("Episode");
        if (!episode && !itemType.equals("Movie")) {
            return Scrobbler.Outcome.ignored("Item type " + itemType + " is not counted; only movies and episodes are.");
        }
        Optional<String> player = payload.text("UserId");
        if (link.jellyfinUserId() != null && player.isPresent()
                && !Scrobbler.normalGuid(player.get()).equals(Scrobbler.normalGuid(link.jellyfinUserId()))) {
            return Scrobbler.Outcome.ignored("Marked by another Jellyfin user (" + payload.text("NotificationUsername").orElse("unknown")
                    + "); set the webhook's User Filter to your user.");
        }
        String refusal = episode ? EpisodeScrobbler.refusal(payload) : null;
        if (refusal != null) {
            return Scrobbler.Outcome.ignored(refusal);
        }
        if (!episode && payload.providerId("Provider_tmdb").isEmpty()) {
            return Scrobbler.Outcome.ignored("Jellyfin has no TMDb id for " + (title == null ? "this movie" : title) + ".");
        }
        Optional<Instant> lastPlayed = payload.text("LastPlayedDate").flatMap(WebhookTimestamps::parse);
        Optional<String> itemId = payload.text("ItemId");
        if (lastPlayed.isPresent() && itemId.isPresent() && writes.isEcho(link.userId(), itemId.get(), lastPlayed.get())) {
            return Scrobbler.Outcome.ignored("Pathary set this played state itself (an export or automatic sync); its echo is not a play.");
        }
        return null;
    }

    /** The delivery log's sentence of a mark being counted on {@code marked}'s day. */
    static String note(PlayTime marked) {
        return "Marked played by hand in Jellyfin: counted on " + marked.date() + " unless that day already had a date"
                + (marked.note() == null ? "." : "; " + marked.note());
    }

    /** Records the mark as a date of the day it was made; {@code claim} claims the delivery's key in the same transaction. */
    Scrobbler.Outcome record(JellyfinLink link, WebhookPayload payload, NewMovie movie, Claim claim) {
        PlayTime marked = PlayTime.of(payload, history.window(), clock, zone);
        String key = Scrobbler.deliveryKey(link, payload, movie.tmdbId(), marked) + "/mark";
        var command = new HistoryCommand.MergeDate(new MovieRef.CreateIfMissing(movie), marked.date(), 1, null);
        String note = note(marked);
        Optional<List<HistoryChange>> changes = history.applyIf(link.userId(), List.of(command), Source.MARK,
                h -> claim.claim(h, key, note));
        if (changes.isEmpty()) {
            return new Scrobbler.Outcome("duplicate", "This delivery was already counted.", null, null);
        }
        if (changes.get().isEmpty()) {
            return new Scrobbler.Outcome("ignored", "Marked played by hand in Jellyfin on " + marked.date()
                    + ", a day this movie already has a watch date; nothing to add.", null, null);
        }
        return new Scrobbler.Outcome("recorded", note, changes.get().getFirst().movie(), marked.date());
    }
}
