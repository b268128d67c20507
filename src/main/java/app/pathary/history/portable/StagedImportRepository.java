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
 * Staged imports ({@code history_imports}, V21): one per user at most (a new upload replaces the last), read only by
 * their owner (another user's id is "not found"), removed when committed or discarded, and after a day.
 */
public final class StagedImportRepository {
    static final long SHELF_LIFE_MILLIS = 24L * 60 * 60 * 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StagedRow>> ROWS = new TypeReference<>() { };
    private static final TypeReference<List<ImportedEpisode>> EPISODES = new TypeReference<>() { };
    private final Jdbi jdbi;
    private final Clock clock;

    public StagedImportRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    long replace(long userId, HistoryFormat format, String fileName, int rows, List<StagedRow> dates, List<ImportedEpisode> episodes) {
        String json = write(dates);
        String episodeJson = write(episodes);
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM history_imports WHERE user_id = :u OR created_at < :stale")
                    .bind("u", userId).bind("stale", clock.millis() - SHELF_LIFE_MILLIS).execute();
            return h.createUpdate("""
                            INSERT INTO history_imports (user_id, format, file_name, row_count, dates, episodes, created_at)
                            VALUES (:u, :f, :n, :r, :d, :e, :now)""")
                    .bind("u", userId).bind("f", format.name()).bind("n", fileName).bind("r", rows).bind("e", episodeJson)
                    .bind("d", json).bind("now", clock.millis())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    StagedImport get(long userId, long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM history_imports WHERE id = :id AND user_id = :u AND created_at >= :fresh""")
                .bind("id", id).bind("u", userId).bind("fresh", clock.millis() - SHELF_LIFE_MILLIS)
                .map((rs, ctx) -> new StagedImport(rs.getLong("id"), rs.getLong("user_id"), HistoryFormat.valueOf(rs.getString("format")),
                        rs.getString("file_name"), rs.getInt("row_count"), read(rs.getString("dates"), ROWS), read(rs.getString("episodes"), EPISODES)))
                .findOne()).orElseThrow(() -> new NotFoundException("No import " + id + " is waiting (it was committed, discarded or"
                        + " is older than a day); upload the file again."));
    }

    void updateDates(long userId, long id, List<StagedRow> dates) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE history_imports SET dates = :d WHERE id = :id AND user_id = :u")
                .bindMap(Map.of("d", write(dates), "id", id, "u", userId)).execute());
    }

    /** Removes the staged import inside the caller's transaction; false when it was already gone (committed twice). */
    static boolean remove(Handle h, long userId, long id) {
        return h.createUpdate("DELETE FROM history_imports WHERE id = :id AND user_id = :u").bind("id", id).bind("u", userId).execute() == 1;
    }

    void delete(long userId, long id) {
        jdbi.useHandle(h -> remove(h, userId, id));
    }

    private static String write(List<?> dates) {
        try {
            return JSON.writeValueAsString(dates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A staged import could not be written as JSON", e);
        }
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A staged import's rows are not readable JSON", e);
        }
    }
}
