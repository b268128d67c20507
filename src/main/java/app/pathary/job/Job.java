package app.pathary.job;

import java.time.Instant;

/**
 * A durable background job as stored: what to do, for whom, how far it got and how it ended. {@code owner} is the
 * token of the claim running it (null unless running): a claimant's writes apply only while the row still carries it.
 */
public record Job(
        long id,
        String type,
        Long userId,
        String params,
        String dedupeKey,
        Status status,
        int attempts,
        int maxAttempts,
        Instant nextRunAt,
        int progressDone,
        int progressTotal,
        String summary,
        String lastError,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String owner) {

    public enum Status {
        WAITING, RUNNING, DONE, FAILED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The same job with other progress figures. */
    Job withProgress(int done, int total) {
        return new Job(id, type, userId, params, dedupeKey, status, attempts, maxAttempts, nextRunAt, done, total, summary, lastError,
                createdAt, startedAt, finishedAt, owner);
    }

    /** Progress in percent (0 when the total is not known yet). */
    public int percent() {
        return progressTotal <= 0 ? 0 : Math.min(100, (int) (100L * progressDone / progressTotal));
    }

    /** What the job is to do; throws a {@link JobFailure} when its row cannot be read. */
    public JobSpec spec() {
        return JobSpecJson.read(type, userId, params);
    }

    /** What a person calls this job ("Import from Jellyfin"); the stored type for a kind this version does not know. */
    public String title() {
        return title(type);
    }

    /** The readable name of a stored job type. */
    public static String title(String type) {
        return switch (type) {
            case JobSpec.JellyfinImport.TYPE -> "Import from Jellyfin";
            case JobSpec.JellyfinExport.TYPE -> "Export to Jellyfin";
            case JobSpec.JellyfinSync.TYPE -> "Send a watch date to Jellyfin";
            case JobSpec.JellyfinEpisodeSync.TYPE -> "Send an episode's watch date to Jellyfin";
            case JobSpec.JellyfinCatchup.TYPE -> "Catch up with Jellyfin";
            case JobSpec.JellyfinCatchupAll.TYPE -> "Scheduled catch-up with Jellyfin";
            case JobSpec.WatchedReport.TYPE -> "Read the watched state from Jellyfin";
            case JobSpec.CleanupPlan.TYPE -> "Make a cleanup plan";
            case JobSpec.CleanupExecute.TYPE -> "Execute a cleanup plan";
            case JobSpec.CleanupScheduled.TYPE -> "Scheduled cleanup";
            case JobSpec.NotificationSend.TYPE -> "Send a notification";
            case JobSpec.HistoryImportCommit.TYPE -> "Commit a history import";
            default -> type;
        };
    }

    /** A waiting job that already failed at least once: it is to be tried again at {@link #nextRunAt}. */
    public boolean retryPending() {
        return status == Status.WAITING && attempts > 0;
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
