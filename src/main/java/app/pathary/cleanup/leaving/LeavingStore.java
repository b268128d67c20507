package app.pathary.cleanup.leaving;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The stored leaving-soon schedule ({@code cleanup_leaving}): the same rows on SQLite and PostgreSQL. */
public final class LeavingStore {
    private static final RowMapper<LeavingItem> ROW = (rs, ctx) -> new LeavingItem(rs.getString("item_key"), rs.getString("kind"),
            rs.getString("title"), rs.getString("instance"), ids(rs.getString("jellyfin_ids")), rs.getLong("bytes"), rs.getString("reasons"),
            LocalDate.parse(rs.getString("first_seen")), LocalDate.parse(rs.getString("leaves_on")), rs.getString("state"), rs.getString("outcome"));
    private final Jdbi jdbi;
    private final Clock clock;

    public LeavingStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The items announced now, by key. */
    public Map<String, LeavingItem> current() {
        Map<String, LeavingItem> byKey = new LinkedHashMap<>();
        jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_leaving WHERE state = 'leaving'").map(ROW).list())
                .forEach(item -> byKey.put(item.key(), item));
        return byKey;
    }

    /** The items announced now, soonest first. */
    public List<LeavingItem> leaving() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_leaving WHERE state = 'leaving' ORDER BY leaves_on, title").map(ROW).list());
    }

    /** Items that left the schedule (kept or deleted) since {@code since}, latest first. */
    public List<LeavingItem> left(java.time.Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM cleanup_leaving WHERE state <> 'leaving' AND updated_at >= :since ORDER BY updated_at DESC, title""")
                .bind("since", since.toEpochMilli()).map(ROW).list());
    }

    public Optional<LeavingItem> item(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM cleanup_leaving WHERE item_key = :k").bind("k", key).map(ROW).findOne());
    }

    /**
     * Stores what a plan scheduled and who left the schedule, in one transaction. Rows that {@code stored} (the schedule
     * the plan started from, {@link #current()}) already holds exactly as scheduled are not written again; the others
     * go in one batch of one prepared statement (a 20,000-item plan wrote one statement per item before).
     */
    public void store(LeavingPlan.Result result, Map<String, LeavingItem> stored) {
        jdbi.useTransaction(h -> {
            long now = clock.millis();
            var batch = h.prepareBatch("""
                    INSERT INTO cleanup_leaving (item_key, kind, title, instance, jellyfin_ids, bytes, reasons, first_seen, leaves_on, state, outcome, updated_at)
                    VALUES (:k, :kind, :title, :instance, :ids, :bytes, :reasons, :first, :on, 'leaving', NULL, :now)
                    ON CONFLICT (item_key) DO UPDATE SET kind = excluded.kind, title = excluded.title, instance = excluded.instance,
                        jellyfin_ids = excluded.jellyfin_ids, bytes = excluded.bytes, reasons = excluded.reasons, first_seen = excluded.first_seen,
                        leaves_on = excluded.leaves_on, state = 'leaving', outcome = NULL, updated_at = excluded.updated_at""");
            for (LeavingItem item : result.scheduled()) {
                LeavingItem before = stored.get(item.key());
                if (before != null && before.equals(new LeavingItem(item.key(), item.kind(), item.title(), item.instance(), item.jellyfinIds(),
                        item.bytes(), item.reasons(), item.firstSeen(), item.leavesOn(), LeavingItem.LEAVING, null))) {
                    continue;
                }
                batch.bind("k", item.key()).bind("kind", item.kind()).bind("title", item.title()).bind("instance", item.instance())
                        .bind("ids", String.join(",", item.jellyfinIds())).bind("bytes", item.bytes()).bind("reasons", item.reasons())
                        .bind("first", item.firstSeen().toString()).bind("on", item.leavesOn().toString()).bind("now", now).add();
            }
            if (batch.size() > 0) {
                batch.execute();
            }
            for (Map.Entry<String, String> left : result.left().entrySet()) {
                h.createUpdate("UPDATE cleanup_leaving SET state = 'kept', outcome = :why, updated_at = :now WHERE item_key = :k AND state = 'leaving'")
                        .bind("why", left.getValue()).bind("now", now).bind("k", left.getKey()).execute();
            }
        });
    }

    /** A run deleted it (or found it already gone). */
    public void deleted(String key, String outcome) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE cleanup_leaving SET state = 'deleted', outcome = :why, updated_at = :now WHERE item_key = :k")
                .bind("why", outcome).bind("now", clock.millis()).bind("k", key).execute());
    }

    static List<String> ids(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
