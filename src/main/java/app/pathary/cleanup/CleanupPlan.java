package app.pathary.cleanup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A cleanup plan: what would be deleted, what is kept and what could not be matched, each with reasons. */
public record CleanupPlan(Instant createdAt, LocalDate today, String watchedPolicy, List<PlanEntry> entries, List<String> warnings) {

    public CleanupPlan {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** Bytes to reclaim per instance. */
    public Map<String, Long> bytesByInstance() {
        Map<String, Long> bytes = new TreeMap<>();
        entries.stream().filter(PlanEntry::deletes).forEach(e -> bytes.merge(e.instance(), e.bytes(), Long::sum));
        return bytes;
    }

    public List<PlanEntry> withAction(String action) {
        return entries.stream().filter(e -> e.action().equals(action)).toList();
    }
}
