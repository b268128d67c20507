package app.pathary.history.portable;

/**
 * One watch date of a staged import as stored between upload and commit (JSON in {@code history_imports.rows}). A
 * null {@code tmdbId} is a row no movie was found for (Letterboxd has no ids): the user resolves it by hand, or it stays
 * out. {@code date} is {@code yyyy-MM-dd} or null (unknown).
 */
record StagedRow(int line, Integer tmdbId, String imdbId, String title, Integer year, String date, int plays, String comment) {
    StagedRow resolved(int tmdb) {
        return new StagedRow(line, tmdb, imdbId, title, year, date, plays, comment);
    }
}
