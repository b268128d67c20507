package app.pathary.history.portable;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A movie as a file names it: the TMDb id when the file has one (Letterboxd's diary has none), the IMDb id, title and
 * year. Nothing here is written over a movie Pathary already has: the file only fills what is missing.
 */
record FileMovie(Integer tmdbId, String imdbId, String title, Integer year) {
    FileMovie {
        imdbId = imdbId == null || imdbId.isBlank() ? null : imdbId.strip();
        title = title == null ? "" : title.strip();
    }

    FileMovie withTmdbId(int id, String imdb) {
        return new FileMovie(id, imdbId != null ? imdbId : imdb, title, year);
    }

    /** What two rows of a file share when they are the same movie: the TMDb id, else the title and year. */
    String key() {
        return tmdbId != null ? "tmdb:" + tmdbId : "title:" + normalized(title) + "|" + year;
    }

    /** A title compared loosely: case, accents, punctuation and repeated spaces do not count. */
    static String normalized(String title) {
        String plain = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
