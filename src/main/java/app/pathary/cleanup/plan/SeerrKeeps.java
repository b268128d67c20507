package app.pathary.cleanup.plan;

import app.pathary.watched.ReportEntry;
import app.pathary.watched.WatchedReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure: which items of the report a recent Seerr request keeps. A movie is kept when its TMDb id was requested within
 * {@code protect}; a season or special when its series' TMDb id was (a request for any season keeps the whole series: the
 * safe side). The answer is Jellyfin id → "requested by dana on 2026-12-01 in Seerr" (the newest request), the shape of
 * the hand exclusions, so the planner keeps the item with that reason.
 */
public final class SeerrKeeps {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private SeerrKeeps() {
    }

    public static Map<String, String> keeps(WatchedReport report, List<RequestedTitle> requests, Instant now, Duration protect, ZoneId zone) {
        Map<String, String> keeps = new HashMap<>();
        Instant since = now.minus(protect);
        for (ReportEntry entry : report.entries()) {
            if (entry.tmdbId() == null) {
                continue;
            }
            String type = entry.kind().equals("movie") ? "movie" : "tv";
            Optional<RequestedTitle> newest = requests.stream()
                    .filter(r -> r.mediaType().equals(type) && r.tmdbId() == entry.tmdbId() && !r.requestedAt().isBefore(since))
                    .max(Comparator.comparing(RequestedTitle::requestedAt));
            newest.ifPresent(r -> {
                String why = "requested by " + r.requestedBy() + " on " + DAY.format(r.requestedAt().atZone(zone)) + " in Seerr (kept for "
                        + protect.toDays() + " days after a request)";
                keeps.put(entry.jellyfinId(), why);
                entry.episodes().forEach(e -> keeps.put(e.jellyfinId(), why));
            });
        }
        return keeps;
    }
}
