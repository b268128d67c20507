package app.pathary.movie;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a movie in Pathary's API. */
public final class MovieJson {
    private MovieJson() {
    }

    public static Map<String, Object> of(Movie movie) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", movie.id());
        json.put("tmdbId", movie.tmdbId());
        json.put("imdbId", movie.imdbId());
        json.put("title", movie.title());
        json.put("year", movie.year());
        json.put("overview", movie.overview());
        return json;
    }
}
