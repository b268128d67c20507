package app.pathary.watched;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Keeps the latest watched reports as JSON (the document the API and {@code watched:report --json} give). */
public final class WatchedReportRepository {
    static final int KEPT = 10;
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Jdbi jdbi;

    public WatchedReportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(WatchedReport report) {
        String json = toJson(report);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO watched_reports (computed_at, report) VALUES (:at, :json)")
                    .bind("at", report.computedAt().toEpochMilli()).bind("json", json).execute();
            h.createUpdate("DELETE FROM watched_reports WHERE id <= (SELECT id FROM watched_reports ORDER BY id DESC LIMIT 1 OFFSET :kept)")
                    .bind("kept", KEPT).execute();
        });
    }

    public Optional<WatchedReport> latest() {
        return latestJson().map(WatchedReportRepository::fromJson);
    }

    public Optional<String> latestJson() {
        return jdbi.withHandle(h -> h.createQuery("SELECT report FROM watched_reports ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).findOne());
    }

    public static String toJson(WatchedReport report) {
        try {
            return JSON.writeValueAsString(new Document(report.computedAt(), report.today(), report.policy(), report.totals(), report.entries()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static WatchedReport fromJson(String json) {
        try {
            Document document = JSON.readValue(json, Document.class);
            return new WatchedReport(document.computedAt(), document.today(), document.policy(), document.entries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored watched report cannot be read", e);
        }
    }

    /** The JSON document: when, for which policy, the totals per verdict and the entries. */
    record Document(java.time.Instant computedAt, java.time.LocalDate today, String policy,
            java.util.Map<Verdict, Integer> totals, java.util.List<ReportEntry> entries) {
    }
}
