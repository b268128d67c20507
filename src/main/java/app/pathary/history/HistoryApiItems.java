package app.pathary.history;

import app.pathary.common.InvalidInputException;
import app.pathary.movie.NewMovie;
import app.pathary.web.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON array of a history write ({@code [{"tmdbId"|"movieId", "title"?, "year"?, "imdbId"?, "watchedAt",
 * "plays"?, "comment"?}]}) into commands; every mistake is a 400 naming the item and the field.
 */
final class HistoryApiItems {
    static final int MAX_ITEMS = 10_000;

    enum Verb { ADD, SET, DELETE }

    private HistoryApiItems() {
    }

    static List<HistoryCommand> parse(String body, Verb verb, WatchDateWindow window) {
        return each(body, (item, where) -> command(item, verb, where, window));
    }

    /** Reads one item of the array; {@code where} ("item 3: ") starts its messages. */
    @FunctionalInterface
    interface ItemReader<C> {
        C read(JsonNode item, String where);
    }

    /** The array's items read one by one; a mistake is a 400 naming the item and the field. */
    static <C> List<C> each(String body, ItemReader<C> reader) {
        JsonNode root = JsonBody.parse(body);
        if (!root.isArray()) {
            throw new InvalidInputException("The body must be a JSON array of items.");
        }
        if (root.isEmpty() || root.size() > MAX_ITEMS) {
            throw new InvalidInputException("The array must hold 1 to " + MAX_ITEMS + " items.");
        }
        List<C> commands = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String where = "item " + i + ": ";
            JsonNode item = JsonBody.object(root.get(i), "item " + i);
            try {
                commands.add(reader.read(item, where));
            } catch (InvalidInputException e) {
                String message = e.getMessage();
                throw new InvalidInputException(message.startsWith(where) ? message : where + message);
            }
        }
        return commands;
    }

    private static HistoryCommand command(JsonNode item, Verb verb, String where, WatchDateWindow window) {
        MovieRef movie = movieRef(item, where);
        if (verb == Verb.DELETE) {
            return item.has("watchedAt")
                    ? new HistoryCommand.DeleteDate(movie, JsonBody.date(item, "watchedAt", where))
                    : new HistoryCommand.DeleteMovie(movie);
        }
        LocalDate date = window.check(JsonBody.date(item, "watchedAt", where), where + "watchedAt");
        Integer plays = JsonBody.integer(item, "plays", where);
        String comment = JsonBody.text(item, "comment", where);
        int count = plays == null ? 1 : plays;
        return verb == Verb.ADD
                ? new HistoryCommand.AddPlays(movie, date, count, comment)
                : new HistoryCommand.SetDate(movie, date, count, comment);
    }

    private static MovieRef movieRef(JsonNode item, String where) {
        Integer movieId = JsonBody.integer(item, "movieId", where);
        Integer tmdbId = JsonBody.integer(item, "tmdbId", where);
        if ((movieId == null) == (tmdbId == null)) {
            throw new InvalidInputException(where + "give exactly one of tmdbId and movieId.");
        }
        if (movieId != null) {
            return new MovieRef.ById(movieId);
        }
        String title = JsonBody.text(item, "title", where);
        if (title == null || title.isBlank()) {
            return new MovieRef.ByTmdbId(tmdbId);
        }
        return new MovieRef.CreateIfMissing(new NewMovie(tmdbId, JsonBody.text(item, "imdbId", where), title,
                JsonBody.integer(item, "year", where), JsonBody.text(item, "overview", where)));
    }
}
