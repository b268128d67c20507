package app.pathary.job;

/**
 * What a job is to do, as typed data: each record names its stored type (the {@code jobs.type} column, unchanged
 * from the days of hand-built JSON, so old rows still read) and its de-duplication key, and its fields are the row's
 * {@code params} (through {@link JobSpecJson}). The composition root runs them with an exhaustive switch, so a new
 * kind of job does not compile until something runs it. Plain data: this package knows no feature.
 */
public sealed interface JobSpec {

    /** The stored type name. */
    String type();

    /** While a job with this key waits, no second one is queued; two jobs with one key never run at once. */
    String dedupeKey();

    /** The user the job works for (the {@code user_id} column, shown and filtered on the jobs page); null for none. */
    default Long forUser() {
        return null;
    }

    /** Reads a user's Jellyfin plays into their history. */
    record JellyfinImport(long userId) implements JobSpec {
        public static final String TYPE = "jellyfin_import";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE + ":" + userId;
        }

        @Override
        public Long forUser() {
            return userId;
        }
    }

    /** Writes a user's watch dates to Jellyfin as plays; optionally marks unplayed what has no date. */
    record JellyfinExport(long userId, boolean markUnplayed) implements JobSpec {
        public static final String TYPE = "jellyfin_export";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE + ":" + userId;
        }

        @Override
        public Long forUser() {
            return userId;
        }
    }

    /** Pushes one movie's latest watch date (or its absence) to a user's Jellyfin copies. */
    record JellyfinSync(long userId, long movieId) implements JobSpec {
        public static final String TYPE = "jellyfin_sync";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE + ":" + userId + ":" + movieId;
        }

        @Override
        public Long forUser() {
            return userId;
        }
    }

    /** Pushes one episode's latest watch date (or its absence) to a user's Jellyfin copies of it. */
    record JellyfinEpisodeSync(long userId, long episodeId) implements JobSpec {
        public static final String TYPE = "jellyfin_episode_sync";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE + ":" + userId + ":" + episodeId;
        }

        @Override
        public Long forUser() {
            return userId;
        }
    }

    /**
     * Reads a user's Jellyfin plays since their last catch-up and adds what the webhook missed ("from catch-up").
     */
    record JellyfinCatchup(long userId) implements JobSpec {
        public static final String TYPE = "jellyfin_catchup";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE + ":" + userId;
        }

        @Override
        public Long forUser() {
            return userId;
        }
    }

    /** The scheduled catch-up: queues a {@link JellyfinCatchup} for every user with a Jellyfin login. */
    record JellyfinCatchupAll() implements JobSpec {
        public static final String TYPE = "jellyfin_catchup_all";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE;
        }
    }

    /** Sweeps Jellyfin and stores the watched report. */
    record WatchedReport() implements JobSpec {
        public static final String TYPE = "watched_report";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE;
        }
    }

    /** Makes and stores a cleanup plan (a dry run). */
    record CleanupPlan() implements JobSpec {
        public static final String TYPE = "cleanup_plan";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE;
        }
    }

    /** Executes a cleanup plan on behalf of {@code startedBy}. */
    record CleanupExecute(long planId, String startedBy, boolean overrideLimits) implements JobSpec {
        public static final String TYPE = "cleanup_execute";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE;
        }
    }

    /** The scheduled cleanup: plans, and executes when execution is switched on. */
    record CleanupScheduled() implements JobSpec {
        public static final String TYPE = "cleanup_run";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE;
        }
    }

    /**
     * Sends one notification to one channel (by name); {@code message} is the message as JSON, {@code key} tells the
     * message apart (one per message and channel), so a retry sends the same message again.
     */
    record NotificationSend(String channel, String message, String key) implements JobSpec {
        public static final String TYPE = "notification_send";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE + ":" + channel + ":" + key;
        }
    }

    /** Commits a user's staged history import (an uploaded file they previewed) in one transaction. */
    record HistoryImportCommit(long userId, long importId) implements JobSpec {
        public static final String TYPE = "history_import_commit";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String dedupeKey() {
            return TYPE + ":" + importId;
        }

        @Override
        public Long forUser() {
            return userId;
        }
    }
}
