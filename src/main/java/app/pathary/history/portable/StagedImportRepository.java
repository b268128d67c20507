package app.pathary.history.portable;

import app.pathary.common.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Staged imports ({@code history_imports}, V21, V24): one per user at most (a new upload replaces the last, unless that
 * one is being committed), read only by their owner (another user's id is "not found"), removed when discarded and
 * after a day. A commit marks it committing (its job queued in the same transaction), then committed with its result
 * in the transaction that adds the dates.
 */
public final class StagedImportRepository {
    static final long SHELF_LIFE_MILLIS = 24L * 60 * 60 * 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StagedRow>> ROWS = new TypeReference<>() { };
    private static final TypeReference<List<ImportedEpisode>> EPISODES = new TypeReference<>() { };
    private final Jdbi jdbi;
    private final Jdbi reads;
    private final Clock clock;

    /** {@code reads} finds imports (on SQLite a reader: the import's page answers while its commit holds the writer). */
    public StagedImportRepository(Jdbi jdbi, Jdbi reads, Clock clock) {
        this.jdbi = jdbi;
        this.reads = reads;
        this.clock = clock;
    }

    long replace(long userId, HistoryFormat format, String fileName, int rows, List<StagedRow> dates, List<ImportedEpisode> episodes) {
        String json = write(dates);
        String episodeJson = write(episodes);
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM history_imports WHERE (user_id = :u AND status <> 'committing') OR created_at < :stale")
                    .bind("u", userId).bind("stale", clock.millis() - SHELF_LIFE_MILLIS).execute();
            return h.createQuery("""
                            INSERT INTO history_imports (user_id, format, file_name, row_count, dates, episodes, created_at)
                            VALUES (:u, :f, :n, :r, :d, :e, :now) RETURNING id""")
                    .bind("u", userId).bind("f", format.name()).bind("n", fileName).bind("r", rows).bind("e", episodeJson)
                    .bind("d", json).bind("now", clock.millis())
                    .mapTo(Long.class).one();
        });
    }

    StagedImport get(long userId, long id) {
        return reads.withHandle(h -> h.createQuery("""
                        SELECT * FROM history_imports WHERE id = :id AND user_id = :u AND created_at >= :fresh""")
                .bind("id", id).bind("u", userId).bind("fresh", clock.millis() - SHELF_LIFE_MILLIS)
                .map((rs, ctx) -> new StagedImport(rs.getLong("id"), rs.getLong("user_id"), HistoryFormat.valueOf(rs.getString("format")),
                        rs.getString("file_name"), rs.getInt("row_count"), read(rs.getString("dates"), ROWS), read(rs.getString("episodes"), EPISODES),
                        StagedImport.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                        app.pathary.common.Rows.nullableLong(rs, "job_id"), rs.getString("result")))
                .findOne()).orElseThrow(() -> new NotFoundException("No import " + id + " is waiting (it was committed, discarded or"
                        + " is older than a day); upload the file again."));
    }

    /** Changes the rows of a staged import; false when it is no longer staged (a commit started). */
    boolean updateDates(long userId, long id, List<StagedRow> dates) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE history_imports SET dates = :d WHERE id = :id AND user_id = :u AND status = 'staged'")
                .bindMap(Map.of("d", write(dates), "id", id, "u", userId)).execute()) == 1;
    }

    /**
     * Marks the import committing with the job {@code enqueue} queues in the same transaction, provided it is still as
     * {@code seen} (its status and job): two clicks at once queue one job. False when it had changed meanwhile.
     */
    boolean startCommit(StagedImport seen, java.util.function.ToLongFunction<Handle> enqueue) {
        return jdbi.inTransaction(h -> {
            int marked = h.createUpdate("""
                            UPDATE history_imports SET status = 'committing', job_id = NULL
                            WHERE id = :id AND user_id = :u AND status = :seen AND COALESCE(job_id, 0) = :seenJob""")
                    .bind("id", seen.id()).bind("u", seen.userId()).bind("seen", seen.status().name().toLowerCase(java.util.Locale.ROOT))
                    .bind("seenJob", seen.jobId() == null ? 0L : seen.jobId()).execute();
            if (marked != 1) {
                return false;
            }
            h.createUpdate("UPDATE history_imports SET job_id = :job WHERE id = :id").bind("job", enqueue.applyAsLong(h)).bind("id", seen.id()).execute();
            return true;
        });
    }

    /**
     * Takes the import for its commit inside the commit's transaction (on PostgreSQL the row stays locked until that
     * transaction ends, so a second run waits, then finds it committed); false when it is committed or gone.
     */
    static boolean claim(Handle h, long userId, long id) {
        return h.createUpdate("UPDATE history_imports SET status = 'committing' WHERE id = :id AND user_id = :u AND status IN ('staged', 'committing')")
                .bind("id", id).bind("u", userId).execute() == 1;
    }

    /** Records the commit's result inside the commit's transaction and drops the rows, no longer needed. */
    static void committed(Handle h, long userId, long id, String result) {
        h.createUpdate("UPDATE history_imports SET status = 'committed', result = :r, dates = '[]', episodes = '[]' WHERE id = :id AND user_id = :u")
                .bind("r", result).bind("id", id).bind("u", userId).execute();
    }

    /** A commit that failed for good (a row the history refuses): the import is staged again, to be looked at. */
    void failed(long userId, long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE history_imports SET status = 'staged' WHERE id = :id AND user_id = :u AND status = 'committing'")
                .bind("id", id).bind("u", userId).execute());
    }

    /** Removes the import unless its commit is under way; false when it is. */
    boolean delete(long userId, long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM history_imports WHERE id = :id AND user_id = :u AND status <> 'committing'")
                .bind("id", id).bind("u", userId).execute()) == 1;
    }

    static String write(Object dates) {
        try {
            return JSON.writeValueAsString(dates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A staged import could not be written as JSON", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A staged import's rows are not readable JSON", e);
        }
    }
}
