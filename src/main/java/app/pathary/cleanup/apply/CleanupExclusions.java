package app.pathary.cleanup.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Items an admin excluded from cleanup by hand, by Jellyfin id: every plan and every execution reads them fresh. */
public final class CleanupExclusions {
    private final Jdbi jdbi;
    private final Clock clock;

    public CleanupExclusions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }
    public record Exclusion(String jellyfinId, String title, String excludedBy, Instant at) {
    }

    public void exclude(String jellyfinId, String title, String by) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO cleanup_exclusions (jellyfin_id, title, excluded_by, created_at) VALUES (:id, :t, :by, :now)
                        ON CONFLICT (jellyfin_id) DO NOTHING""")
                .bind("id", jellyfinId).bind("t", title).bind("by", by).bind("now", clock.millis()).execute());
    }

    public void include(String jellyfinId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM cleanup_exclusions WHERE jellyfin_id = :id").bind("id", jellyfinId).execute());
    }

    public List<Exclusion> exclusions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_exclusions ORDER BY title")
                .map((rs, ctx) -> new Exclusion(rs.getString("jellyfin_id"), rs.getString("title"), rs.getString("excluded_by"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    public Set<String> excludedIds() {
        return Set.copyOf(exclusions().stream().map(Exclusion::jellyfinId).toList());
    }

    /** The exclusions as they are now: Jellyfin id → "excluded from cleanup by alice on 2026-03-01 14:05". */
    public Map<String, String> exclusionReasons(ZoneId zone) {
        Map<String, String> reasons = new HashMap<>();
        for (Exclusion exclusion : exclusions()) {
            reasons.put(exclusion.jellyfinId(), "excluded from cleanup by " + exclusion.excludedBy() + " on "
                    + MINUTE.format(exclusion.at().atZone(zone)));
        }
        return reasons;
    }

    private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

}
