package app.pathary.history.portable;

/**
 * One episode watch date read from a file (Trakt's history, Pathary's episodes CSV): the show's provider ids, title and
 * year, the episode's season, number (and end number of a multi-episode file) and title, the date ({@code yyyy-MM-dd},
 * null: unknown), plays and comment. Stored as is in a staged import.
 */
record ImportedEpisode(int line, Integer tvdbId, Integer tmdbId, String imdbId, String show, Integer year, int season, int number,
        Integer endNumber, String title, String date, int plays, String comment) {

    /** The same episode on the same date, as far as the file tells (the first id the file gives for the show). */
    String key() {
        String showKey = tvdbId != null ? "tvdb:" + tvdbId : tmdbId != null ? "tmdb:" + tmdbId : "imdb:" + imdbId;
        return showKey + "|" + season + "|" + number + "@" + date;
    }

    /** The keys a stored date of this episode may be found under: one per provider id the file gives. */
    java.util.List<String> idKeys() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        String rest = "|" + season + "|" + number + "@" + date;
        if (tvdbId != null) {
            keys.add("tvdb:" + tvdbId + rest);
        }
        if (tmdbId != null) {
            keys.add("tmdb:" + tmdbId + rest);
        }
        if (imdbId != null) {
            keys.add("imdb:" + imdbId + rest);
        }
        return keys;
    }

    ImportedEpisode plus(ImportedEpisode other) {
        return new ImportedEpisode(line, tvdbId, tmdbId, imdbId, show, year, season, number, endNumber, title, date, plays + other.plays,
                comment != null ? comment : other.comment);
    }
}
