package app.pathary.show;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of a show and of an episode in Pathary's API. */
public final class ShowJson {
    private ShowJson() {
    }

    public static Map<String, Object> of(Show show) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", show.id());
        json.put("tvdbId", show.tvdbId());
        json.put("tmdbId", show.tmdbId());
        json.put("imdbId", show.imdbId());
        json.put("title", show.title());
        json.put("year", show.year());
        return json;
    }

    public static Map<String, Object> of(Episode episode) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", episode.id());
        json.put("season", episode.season());
        json.put("number", episode.number());
        json.put("endNumber", episode.endNumber());
        json.put("title", episode.title());
        return json;
    }
}
