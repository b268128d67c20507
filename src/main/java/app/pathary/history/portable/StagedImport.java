package app.pathary.history.portable;

import java.util.List;

/**
 * An uploaded file read and matched, waiting for its owner to look at the preview and commit it (or not); while its
 * commit job runs it is {@code COMMITTING} ({@code jobId}), and once committed it keeps only what the commit added
 * ({@code result}, JSON) for the result page.
 */
record StagedImport(long id, long userId, HistoryFormat format, String fileName, int rows, List<StagedRow> dates, List<ImportedEpisode> episodes,
        Status status, Long jobId, String result) {

    enum Status { STAGED, COMMITTING, COMMITTED }
}
