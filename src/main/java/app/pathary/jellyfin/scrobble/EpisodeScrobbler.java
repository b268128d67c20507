package app.pathary.jellyfin.scrobble;

import app.pathary.history.EpisodeChange;
import app.pathary.history.EpisodeCommand;
import app.pathary.history.EpisodeHistory;
import app.pathary.history.EpisodeRef;
import app.pathary.history.HistoryChange.Source;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Turns a completed PlaybackStop of an {@code Episode} into an episode watch date (source "webhook") on the day the
 * play ended in {@code TIMEZONE}. The show is found by the series' provider ids, which {@link SeriesLookup} reads from
 * Jellyfin for the payload's {@code SeriesId}; season and episode come from {@code SeasonNumber}, {@code EpisodeNumber}
 * and {@code EpisodeNumberEnd} (a multi-episode file). The same delivery twice counts once, as for movies. A hand
 * mark ({@link HandMarks}) of an episode is recorded here too, with the movie's rules: a date of the event's day, source
 * "mark", none added on a day that already has one.
 */
final class EpisodeScrobbler {
    private final EpisodeHistory history;
    private final SeriesLookup series;
    private final DeliveryLog log;
    private final DeliveryKeys keys;
    private final Clock clock;
    private final ZoneId zone;

    EpisodeScrobbler(EpisodeHistory history, SeriesLookup series, DeliveryLog log, Clock clock, ZoneId zone) {
        this.history = history;
        this.series = series;
        this.log = log;
        this.keys = new DeliveryKeys(clock);
        this.clock = clock;
        this.zone = zone;
    }

    /** Why an episode delivery is not counted (before asking Jellyfin anything), or null. */
    static String refusal(WebhookPayload payload) {
        if (payload.text("SeriesId").filter(s -> !s.isBlank()).isEmpty()) {
            return "The episode has no SeriesId; Pathary cannot tell which show it belongs to.";
        }
        if (payload.integer("SeasonNumber").isEmpty() || payload.integer("EpisodeNumber").isEmpty()) {
            return "Jellyfin has no season or episode number for this episode (SeasonNumber/EpisodeNumber are missing).";
        }
        return null;
    }

    /** The delivery log's title of an episode: "The Expanse S02E03 – Static". */
    static String title(WebhookPayload payload, String name) {
        String show = payload.escapedText("SeriesName").map(String::strip).filter(s -> !s.isEmpty()).orElse("A show");
        Optional<Integer> season = payload.integer("SeasonNumber");
        Optional<Integer> number = payload.integer("EpisodeNumber");
        String code = season.isPresent() && number.isPresent() ? " S%02dE%02d".formatted(season.get(), number.get()) : "";
        Optional<Integer> end = payload.integer("EpisodeNumberEnd").filter(e -> number.isPresent() && e > number.get());
        code += end.map(e -> "–E%02d".formatted(e)).orElse("");
        String title = show + code + (name == null ? "" : " – " + name);
        return title.length() > 500 ? title.substring(0, 500) : title;
    }

    Scrobbler.Outcome record(JellyfinLink link, WebhookPayload payload, String title) {
        return write(link, payload, title, false);
    }

    /**
     * A hand mark {@link HandMarks#decide} accepted: a date on the day of the event (source "mark") unless the episode
     * already has one that day; the show is named exactly as for a play.
     */
    Scrobbler.Outcome recordMark(JellyfinLink link, WebhookPayload payload, String title) {
        return write(link, payload, title, true);
    }

    private Scrobbler.Outcome write(JellyfinLink link, WebhookPayload payload, String title, boolean mark) {
        SeriesLookup.Answer answer = series.find(link, payload.requiredText("SeriesId"),
                payload.escapedText("SeriesName").orElse(null));
        if (answer instanceof SeriesLookup.Answer.Unknown unknown) {
            log.record(link.userId(), title, "ignored", unknown.reason());
            return Scrobbler.Outcome.ignored(unknown.reason());
        }
        NewShow show = ((SeriesLookup.Answer.Found) answer).show();
        int season = payload.integer("SeasonNumber").orElseThrow();
        int number = payload.integer("EpisodeNumber").orElseThrow();
        Integer end = payload.integer("EpisodeNumberEnd").filter(e -> e > number).orElse(null);
        NewEpisode episode = new NewEpisode(season, number, end, payload.escapedText("Name").map(String::strip).orElse(null));
        PlayTime when = PlayTime.of(payload, history.window(), clock, zone);
        var ref = new EpisodeRef.CreateIfMissing(show, episode);
        String key = deliveryKey(link, payload, show, episode, when) + (mark ? "/mark" : "");
        EpisodeCommand command = mark ? new EpisodeCommand.MergeDate(ref, when.date(), 1, null)
                : new EpisodeCommand.AddPlays(ref, when.date(), 1, null);
        String note = mark ? HandMarks.note(when) : when.note();
        Optional<List<EpisodeChange>> changes = history.applyIf(link.userId(), List.of(command), mark ? Source.MARK : Source.WEBHOOK, h -> {
            boolean claimed = keys.claim(h, link.userId(), key);
            log.record(h, link.userId(), title, claimed ? "recorded" : "duplicate",
                    claimed ? note : "This delivery was already counted.");
            return claimed;
        });
        log.trimNowAndThen(link.userId());
        if (changes.isEmpty()) {
            return new Scrobbler.Outcome("duplicate", "This delivery was already counted.", null, null);
        }
        if (changes.get().isEmpty()) {
            return Scrobbler.Outcome.ignored("Marked played by hand in Jellyfin on " + when.date()
                    + ", a day this episode already has a watch date; nothing to add.");
        }
        EpisodeChange change = changes.get().getFirst();
        return Scrobbler.Outcome.episode(note, change.show(), change.episode(), when.date());
    }

    /** The Jellyfin user, the show (its ids), the season and episode, and the instant the play ended. */
    static String deliveryKey(JellyfinLink link, WebhookPayload payload, NewShow show, NewEpisode episode, PlayTime ended) {
        String user = payload.text("UserId").filter(s -> !s.isBlank()).map(Scrobbler::normalGuid)
                .or(() -> Optional.ofNullable(link.jellyfinUserId()).map(Scrobbler::normalGuid)).orElse("-");
        String time = ended.instant() != null ? ended.instant().toString() : "received " + ended.date();
        var ids = show.ids();
        return "v2/" + user + "/show" + ids.tvdbId() + "," + ids.tmdbId() + "," + ids.imdbId()
                + "/s" + episode.season() + "e" + episode.number() + "/" + time;
    }
}
