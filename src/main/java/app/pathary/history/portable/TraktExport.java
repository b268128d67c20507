package app.pathary.history.portable;

import app.pathary.common.InvalidInputException;
import app.pathary.history.WatchDateWindow;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Trakt's export: in its ZIP, the files named {@code watched-history-*.json} (older exports: {@code history-*.json})
 * wherever they sit, kept only when their content is a history too (an array of entries with {@code watched_at} and
 * {@code type}). Each entry is one play: {@code {id, watched_at, action, type, movie{title, year, ids{tmdb, imdb…}},
 * show{…}, episode{season, number, title}}}. An entry id seen twice (the same play in two files) counts once. The day of
 * a play is its {@code watched_at} instant in {@code TIMEZONE}.
 */
final class TraktExport {
    static final Pattern NAME = Pattern.compile("(?i)(^|.*/)(watched-)?history(-[^/]*)?\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraktExport() {
    }

    /** The history files among a ZIP's entries (by name, then by content). */
    static ParsedFile fromEntries(Map<String, byte[]> entries, WatchDateWindow window, ZoneId zone) {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(entries);
        files.keySet().removeIf(name -> !NAME.matcher(name).matches());
        Reading reading = new Reading(window, zone);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            reading.file(file.getKey(), file.getValue(), false);
        }
        if (reading.files == 0) {
            throw new InvalidInputException("The ZIP file holds no Trakt history (watched-history-*.json or history-*.json"
                    + " with watched_at entries); nothing from it was imported.");
        }
        return reading.result();
    }

    /** One history file on its own (a {@code watched-history-1.json} uploaded unzipped). */
    static ParsedFile readJson(String name, byte[] json, WatchDateWindow window, ZoneId zone) {
        Reading reading = new Reading(window, zone);
        reading.file(name, json, true);
        return reading.result();
    }

    private static final class Reading {
        private final WatchDateWindow window;
        private final ZoneId zone;
        private final List<ImportedDate> plays = new ArrayList<>();
        private final Set<Long> seen = new HashSet<>();
        private int rows;
        private final List<ImportedEpisode> episodes = new ArrayList<>();
        private int files;

        Reading(WatchDateWindow window, ZoneId zone) {
            this.window = window;
            this.zone = zone;
        }

        void file(String name, byte[] content, boolean must) {
            List<JsonNode> entries = new ArrayList<>();
            try (JsonParser parser = JSON.createParser(content)) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    if (must) {
                        throw new InvalidInputException(name + " is not a Trakt history: it is not a JSON array.");
                    }
                    return;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    entries.add(parser.readValueAsTree());
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw new InvalidInputException(name + " is not valid JSON after " + entries.size()
                            + " complete entries; nothing from the file was imported.");
                }
            } catch (IOException e) {
                throw new InvalidInputException(name + " is not valid JSON (it may be cut short) after " + entries.size()
                        + " complete entries; nothing from the file was imported.");
            }
            if (!entries.isEmpty() && !(entries.getFirst().has("watched_at") && entries.getFirst().has("type"))) {
                if (must) {
                    throw new InvalidInputException(name + " is not a Trakt history: its entries have no watched_at and type.");
                }
                return;
            }
            files++;
            for (int i = 0; i < entries.size(); i++) {
                try {
                    entry(entries.get(i), i + 1);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(name + ", entry " + (i + 1) + ": " + e.getMessage() + " Nothing from the file was imported.");
                }
            }
        }

        private void entry(JsonNode entry, int number) {
            JsonNode id = entry.get("id");
            if (id != null && id.canConvertToLong() && !seen.add(id.asLong())) {
                return;
            }
            rows++;
            LocalDate date = day(entry.path("watched_at").asText(""));
            String type = entry.path("type").asText("");
            switch (type) {
                case "movie" -> {
                    JsonNode movie = entry.path("movie");
                    JsonNode ids = movie.path("ids");
                    String title = movie.path("title").asText("");
                    if (title.isBlank()) {
                        throw new InvalidInputException("the movie has no title.");
                    }
                    Integer tmdb = ids.path("tmdb").canConvertToInt() && ids.path("tmdb").asInt() > 0 ? ids.path("tmdb").asInt() : null;
                    String imdb = ids.path("imdb").asText("");
                    Integer year = movie.path("year").canConvertToInt() ? movie.path("year").asInt() : null;
                    plays.add(new ImportedDate(number, new FileMovie(tmdb, imdb.matches("tt\\d{5,10}") ? imdb : null, title, year),
                            date, 1, null));
                }
                case "episode" -> episodes.add(episode(entry, number, date));
                default -> throw new InvalidInputException("type must be movie or episode, not '" + type + "'.");
            }
        }

        private static ImportedEpisode episode(JsonNode entry, int number, LocalDate date) {
            JsonNode show = entry.path("show");
            JsonNode ids = show.path("ids");
            JsonNode episode = entry.path("episode");
            String title = show.path("title").asText("");
            if (title.isBlank()) {
                throw new InvalidInputException("the show has no title.");
            }
            if (!episode.path("season").canConvertToInt() || !episode.path("number").canConvertToInt()) {
                throw new InvalidInputException("the episode has no season and number.");
            }
            Integer tvdb = positive(ids.path("tvdb"));
            Integer tmdb = positive(ids.path("tmdb"));
            String imdb = ids.path("imdb").asText("").matches("tt\\d{5,10}") ? ids.path("imdb").asText() : null;
            if (tvdb == null && tmdb == null && imdb == null) {
                throw new InvalidInputException("the show " + title + " has no TVDb, TMDb or IMDb id.");
            }
            String episodeTitle = episode.path("title").asText("");
            return new ImportedEpisode(number, tvdb, tmdb, imdb, title, positive(show.path("year")), episode.path("season").asInt(),
                    episode.path("number").asInt(), null, episodeTitle.isBlank() ? null : episodeTitle,
                    date == null ? null : date.toString(), 1, null);
        }

        private static Integer positive(JsonNode node) {
            return node.canConvertToInt() && node.asInt() > 0 ? node.asInt() : null;
        }

        private LocalDate day(String watchedAt) {
            if (watchedAt.isBlank()) {
                return null;
            }
            try {
                return window.check(Instant.parse(watchedAt).atZone(zone).toLocalDate(), "watched_at");
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("watched_at must be a time such as 2024-03-09T20:15:00.000Z, not '"
                        + (watchedAt.length() > 40 ? watchedAt.substring(0, 40) : watchedAt) + "'.");
            }
        }

        ParsedFile result() {
            if (rows == 0) {
                throw new InvalidInputException("The Trakt history holds no plays; nothing was imported.");
            }
            return ParsedFile.of(HistoryFormat.TRAKT, rows, plays, episodes);
        }
    }
}
