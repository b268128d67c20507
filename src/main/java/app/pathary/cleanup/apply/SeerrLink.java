package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.cleanup.plan.RequestedTitle;
import app.pathary.cleanup.plan.SeerrKeeps;
import app.pathary.config.SeerrOptions;
import app.pathary.seerr.SeerrClient;
import app.pathary.seerr.SeerrException;
import app.pathary.seerr.SeerrMedia;
import app.pathary.seerr.SeerrRequest;
import app.pathary.seerr.SeerrServer;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.WatchedReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cleanup's use of Seerr: recent requests keep items (in the plan, and again right before each deletion), and a
 * deleted title is cleared in Seerr so it can be requested again. Without SEERR_URL every method is a no-op. A failed
 * read throws {@link SeerrException}: it never means "not requested".
 */
public final class SeerrLink {
    private final SeerrClient client;
    private final Optional<SeerrServer> server;
    private final Duration protect;
    private final boolean reset;
    private final ZoneId zone;

    public SeerrLink(SeerrClient client, SeerrOptions options, ZoneId zone) {
        this.client = client;
        this.server = options.url().map(url -> new SeerrServer(url, options.apiKey()));
        this.protect = options.protect();
        this.reset = options.resetAfterDelete();
        this.zone = zone;
    }

    /** Seerr not configured: nothing is read, nothing is kept or cleared. */
    public static SeerrLink off() {
        return new SeerrLink(null, app.pathary.config.SeerrOptions.none(), ZoneId.of("UTC"));
    }

    /** A title in Seerr's terms: {@code movie} or {@code tv} and its TMDb id. */
    record Title(String mediaType, int tmdbId) {
    }

    public boolean enabled() {
        return server.isPresent() && !protect.isZero();
    }

    /** For a plan: every request of the protection window, read once, applied to the whole report. */
    Map<String, String> keeps(WatchedReport report, Instant now) {
        if (!enabled()) {
            return Map.of();
        }
        List<RequestedTitle> titles = client.requestsSince(server.get(), now.minus(protect)).stream().map(SeerrLink::title).toList();
        return SeerrKeeps.keeps(report, titles, now, protect, zone);
    }

    /** Right before a deletion: the requests of exactly these items, read fresh per title. */
    Map<String, String> freshKeeps(WatchedReport slice, Instant now) {
        if (!enabled()) {
            return Map.of();
        }
        List<RequestedTitle> titles = new ArrayList<>();
        for (Title title : titles(slice)) {
            client.media(server.get(), title.mediaType(), title.tmdbId())
                    .ifPresent(media -> media.requests().forEach(r -> titles.add(title(r))));
        }
        return SeerrKeeps.keeps(slice, titles, now, protect, zone);
    }

    static Set<Title> titles(WatchedReport slice) {
        Set<Title> titles = new LinkedHashSet<>();
        for (ReportEntry entry : slice.entries()) {
            if (entry.tmdbId() != null) {
                titles.add(new Title(entry.kind().equals("movie") ? "movie" : "tv", entry.tmdbId()));
            }
        }
        return titles;
    }

    /**
     * After a deletion: clears the title in Seerr ({@code DELETE /media/{id}}) and returns the words for the audit log,
     * or "" when there is nothing to say. A season clears the series only when its series entry was deleted too (other
     * seasons may still be on disk and requested). A failure is said, never thrown: the deletion is done.
     */
    String afterDelete(Set<Title> titles, PlanEntry deleted) {
        if (server.isEmpty() || !reset || titles.isEmpty()) {
            return "";
        }
        if (deleted.action().equals(PlanEntry.DELETE_EPISODE_FILES) && !Boolean.TRUE.equals(deleted.deleteSeries())) {
            return "";
        }
        List<String> said = new ArrayList<>();
        for (Title title : titles) {
            try {
                Optional<SeerrMedia> media = client.media(server.get(), title.mediaType(), title.tmdbId());
                if (media.isEmpty()) {
                    said.add("Seerr holds no media for TMDb id " + title.tmdbId());
                    continue;
                }
                client.deleteMedia(server.get(), media.get().id());
                said.add("cleared in Seerr (media " + media.get().id() + "), so it can be requested again");
            } catch (SeerrException e) {
                said.add("not cleared in Seerr: " + e.userMessage());
            }
        }
        return "; " + String.join("; ", said);
    }

    private static RequestedTitle title(SeerrRequest request) {
        return new RequestedTitle(request.mediaType(), request.tmdbId(), request.requestedBy(), request.createdAt());
    }
}
