package app.pathary.cleanup.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cleanup plan: what would be deleted, what is kept and what could not be matched, each with reasons.
 *
 * @param id    the stored plan's id ({@code null} until stored); executing names it, so what runs is what was looked at
 * @param stops why executing this plan needs an admin's explicit override (blast-radius limits); empty when none
 * @param disks the disks the *arr reported when the plan was made, with their limits and what disk pressure chose
 */
@JsonIgnoreProperties(value = {"digest"}, allowGetters = true)
public record CleanupPlan(Long id, Instant createdAt, LocalDate today, String watchedPolicy, List<PlanEntry> entries,
        List<String> warnings, List<String> stops, List<DiskState> disks) {

    public CleanupPlan {
        entries = List.copyOf(entries);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        stops = stops == null ? List.of() : List.copyOf(stops);
        disks = disks == null ? List.of() : List.copyOf(disks);
    }

    public CleanupPlan(Long id, Instant createdAt, LocalDate today, String watchedPolicy, List<PlanEntry> entries, List<String> warnings,
            List<String> stops) {
        this(id, createdAt, today, watchedPolicy, entries, warnings, stops, List.of());
    }

    public CleanupPlan(Instant createdAt, LocalDate today, String watchedPolicy, List<PlanEntry> entries, List<String> warnings) {
        this(null, createdAt, today, watchedPolicy, entries, warnings, List.of());
    }

    public CleanupPlan withId(long newId) {
        return new CleanupPlan(newId, createdAt, today, watchedPolicy, entries, warnings, stops, disks);
    }

    public CleanupPlan withStops(List<String> newStops) {
        return new CleanupPlan(id, createdAt, today, watchedPolicy, entries, warnings, newStops, disks);
    }

    public CleanupPlan withEntries(List<PlanEntry> newEntries, List<DiskState> newDisks) {
        return new CleanupPlan(id, createdAt, today, watchedPolicy, newEntries, warnings, stops, newDisks);
    }

    /**
     * A fingerprint of the deleting entries (what goes, where, by which ids): the page and the API send it back on
     * execution, so a plan whose deletions are not the ones confirmed is refused. Reasons and kept entries do not count.
     */
    @JsonProperty("digest")
    public String digest() {
        StringBuilder text = new StringBuilder();
        for (PlanEntry entry : entries) {
            if (entry.deletes()) {
                text.append(entry.action()).append('|').append(entry.instance()).append('|').append(entry.arrId()).append('|')
                        .append(entry.movieAction()).append('|').append(entry.movieFileId()).append('|').append(entry.episodeFileIds())
                        .append('|').append(entry.episodeIds()).append('|').append(entry.deleteSeries()).append('|')
                        .append(entry.jellyfinIds()).append('\n');
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    public long deletions() {
        return entries.stream().filter(PlanEntry::deletes).count();
    }
}
