package app.pathary.watched;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The engine's result: every movie, season and special with its verdict, and what it was computed for. */
public record WatchedReport(Instant computedAt, LocalDate today, String policy, List<ReportEntry> entries) {

    public WatchedReport {
        entries = List.copyOf(entries);
    }

    public Map<Verdict, Integer> totals() {
        Map<Verdict, Integer> totals = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            totals.put(verdict, 0);
        }
        entries.forEach(entry -> totals.merge(entry.verdict(), 1, Integer::sum));
        return totals;
    }
}
