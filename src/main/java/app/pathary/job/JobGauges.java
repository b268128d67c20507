package app.pathary.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The job queue as Prometheus sees it, computed from the jobs table by one grouped query when {@code /metrics} is read:
 * {@code pathary_jobs{type,state}} (waiting, running, failed; every job type, 0 included, so series never vanish) and
 * {@code pathary_jobs_oldest_waiting_seconds{type}}, how long the oldest job that is due has waited to be claimed (0 when
 * none: a job waiting for its retry time is not late).
 */
public final class JobGauges {
    static final List<String> TYPES = List.of(JobSpec.JellyfinImport.TYPE, JobSpec.JellyfinExport.TYPE, JobSpec.JellyfinSync.TYPE,
            JobSpec.JellyfinEpisodeSync.TYPE, JobSpec.JellyfinCatchup.TYPE, JobSpec.JellyfinCatchupAll.TYPE, JobSpec.WatchedReport.TYPE, JobSpec.CleanupPlan.TYPE, JobSpec.CleanupExecute.TYPE, JobSpec.CleanupScheduled.TYPE);
    static final List<String> STATES = List.of("waiting", "running", "failed");
    private final Jdbi reads;
    private final Clock clock;

    JobGauges(Jdbi reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    /** Registers the gauges and returns what refreshes them (to run right before each scrape). */
    public Runnable bindTo(MeterRegistry meters) {
        MultiGauge counts = MultiGauge.builder("pathary.jobs").description("Jobs in the queue by type and state").register(meters);
        MultiGauge oldest = MultiGauge.builder("pathary.jobs.oldest.waiting").baseUnit("seconds")
                .description("How long the oldest due waiting job of each type has waited to be claimed").register(meters);
        return () -> refresh(counts, oldest);
    }

    private void refresh(MultiGauge counts, MultiGauge oldest) {
        long now = clock.millis();
        Map<String, Long> count = new HashMap<>();
        Map<String, Long> oldestDue = new HashMap<>();
        reads.useHandle(h -> h.createQuery("""
                        SELECT type, status, COUNT(*) AS n,
                               MIN(CASE WHEN status = 'waiting' AND next_run_at <= :now THEN next_run_at END) AS due
                        FROM jobs WHERE status IN ('waiting', 'running', 'failed') GROUP BY type, status""")
                .bind("now", now)
                .map((rs, ctx) -> {
                    String type = rs.getString("type");
                    count.put(type + "|" + rs.getString("status"), rs.getLong("n"));
                    long due = rs.getLong("due");
                    if (!rs.wasNull()) {
                        oldestDue.merge(type, due, Math::min);
                    }
                    return type;
                }).list());
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        List<MultiGauge.Row<?>> oldestRows = new ArrayList<>();
        List<String> types = new ArrayList<>(TYPES);
        count.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().filter(t -> !types.contains(t)).forEach(types::add);
        for (String type : types) {
            for (String state : STATES) {
                countRows.add(MultiGauge.Row.of(Tags.of("type", type, "state", state), count.getOrDefault(type + "|" + state, 0L)));
            }
            Long due = oldestDue.get(type);
            oldestRows.add(MultiGauge.Row.of(Tags.of("type", type), due == null ? 0 : Math.max(0, now - due) / 1000.0));
        }
        counts.register(countRows, true);
        oldest.register(oldestRows, true);
    }
}
