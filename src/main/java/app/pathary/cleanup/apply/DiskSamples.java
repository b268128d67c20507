package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.DiskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Free space per disk over time: a sample at every plan and execution, kept {@link #KEPT}. */
public final class DiskSamples {
    public static final Duration KEPT = Duration.ofDays(365);
    private final Jdbi jdbi;
    private final Clock clock;

    public DiskSamples(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** One stored figure; {@code freeBytes} null when it was unknown. */
    public record Sample(Instant at, String disk, Long freeBytes, Long totalBytes, long reclaimedBytes, String source) {
    }

    /** A sample per disk ({@code source}: plan or run); {@code reclaimed}: bytes the run deleted per disk. Older than a year goes. */
    public void record(List<DiskState> disks, Map<String, Long> reclaimed, String source) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            for (DiskState disk : disks) {
                h.createUpdate("""
                        INSERT INTO disk_samples (taken_at, disk, free_bytes, total_bytes, reclaimed_bytes, source)
                        VALUES (:at, :disk, :free, :total, :reclaimed, :source)""")
                        .bind("at", now).bind("disk", disk.name()).bind("free", disk.freeBytes()).bind("total", disk.totalBytes())
                        .bind("reclaimed", reclaimed.getOrDefault(disk.name(), 0L)).bind("source", source).execute();
            }
            h.createUpdate("DELETE FROM disk_samples WHERE taken_at < :cut").bind("cut", now - KEPT.toMillis()).execute();
        });
    }

    /** The samples of the last year, oldest first. */
    public List<Sample> recent() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM disk_samples WHERE taken_at >= :from ORDER BY taken_at, id")
                .bind("from", clock.millis() - KEPT.toMillis())
                .map((rs, ctx) -> {
                    long free = rs.getLong("free_bytes");
                    Long freeBytes = rs.wasNull() ? null : free;
                    long total = rs.getLong("total_bytes");
                    Long totalBytes = rs.wasNull() ? null : total;
                    return new Sample(Instant.ofEpochMilli(rs.getLong("taken_at")), rs.getString("disk"), freeBytes, totalBytes,
                            rs.getLong("reclaimed_bytes"), rs.getString("source"));
                }).list());
    }
}
