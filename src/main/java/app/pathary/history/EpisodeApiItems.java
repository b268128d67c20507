package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.history.HistoryApiItems.Verb;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;
import app.pathary.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/**
 * Turns the JSON array of an episode history write into commands. Each item names its episode by {@code episodeId},
 * or by its show ({@code tvdbId}, {@code tmdbId}, {@code imdbId}: at least one) with {@code season} and {@code episode}
 * (and optionally {@code endEpisode}, {@code episodeTitle}; {@code title} and {@code year} create a show Pathary does
 * not know yet). Then {@code watchedAt}, {@code plays}, {@code comment} as for movies. Mistakes are 400s naming the
 * item and the field.
 */
final class EpisodeApiItems {
    private EpisodeApiItems() {
    }

    static List<EpisodeCommand> parse(String body, Verb verb, WatchDateWindow window) {
        return HistoryApiItems.each(body, (item, where) -> command(item, verb, where, window));
    }

    private static EpisodeCommand command(JsonNode item, Verb verb, String where, WatchDateWindow window) {
        EpisodeRef episode = episodeRef(item, where);
        if (verb == Verb.DELETE) {
            return item.has("watchedAt")
                    ? new EpisodeCommand.DeleteDate(episode, JsonBody.date(item, "watchedAt", where))
                    : new EpisodeCommand.DeleteEpisode(episode);
        }
        LocalDate date = window.check(JsonBody.date(item, "watchedAt", where), where + "watchedAt");
        Integer plays = JsonBody.integer(item, "plays", where);
        String comment = JsonBody.text(item, "comment", where);
        int count = plays == null ? 1 : plays;
        return verb == Verb.ADD
                ? new EpisodeCommand.AddPlays(episode, date, count, comment)
                : new EpisodeCommand.SetDate(episode, date, count, comment);
    }

    private static EpisodeRef episodeRef(JsonNode item, String where) {
        Integer episodeId = JsonBody.integer(item, "episodeId", where);
        ShowIds ids = new ShowIds(JsonBody.integer(item, "tvdbId", where), JsonBody.integer(item, "tmdbId", where),
                JsonBody.text(item, "imdbId", where));
        if ((episodeId == null) == ids.isEmpty()) {
            throw new InvalidInputException(where + "give either episodeId, or the show's tvdbId, tmdbId or imdbId with season and episode.");
        }
        if (episodeId != null) {
            return new EpisodeRef.ById(episodeId);
        }
        Integer season = JsonBody.integer(item, "season", where);
        Integer number = JsonBody.integer(item, "episode", where);
        if (season == null || number == null) {
            throw new InvalidInputException(where + "season and episode are needed with the show's ids.");
        }
        NewEpisode episode = new NewEpisode(season, number, JsonBody.integer(item, "endEpisode", where),
                JsonBody.text(item, "episodeTitle", where));
        String title = JsonBody.text(item, "title", where);
        if (title == null || title.isBlank()) {
            return new EpisodeRef.ByShowIds(ids, episode);
        }
        return new EpisodeRef.CreateIfMissing(new NewShow(ids, title, JsonBody.integer(item, "year", where)), episode);
    }
}
