package app.pathary.cleanup.leaving;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The ids of the "Leaving soon" collections Pathary made ({@code cleanup_leaving_collections}), one per kind. */
final class CollectionStore {
    private final Jdbi jdbi;
    private final Clock clock;

    CollectionStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** kind ({@code movie} or {@code series}) → collection id. */
    Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT kind, jellyfin_id FROM cleanup_leaving_collections ORDER BY kind")
                .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getString("jellyfin_id"))).forEach(e -> ids.put(e.getKey(), e.getValue())));
        return ids;
    }

    void remember(String kind, String name, String id) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO cleanup_leaving_collections (kind, name, jellyfin_id, updated_at) VALUES (:kind, :name, :id, :now)
                        ON CONFLICT (kind) DO UPDATE SET name = excluded.name, jellyfin_id = excluded.jellyfin_id, updated_at = excluded.updated_at""")
                .bind("kind", kind).bind("name", name).bind("id", id).bind("now", clock.millis()).execute());
    }

    void forget(String kind) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM cleanup_leaving_collections WHERE kind = :kind").bind("kind", kind).execute());
    }
}
