package app.pathary.history.portable;

import java.util.List;

/** An uploaded file read and matched, waiting for its owner to look at the preview and commit it (or not). */
record StagedImport(long id, long userId, HistoryFormat format, String fileName, int rows, List<StagedRow> dates, List<ImportedEpisode> episodes) {
}
