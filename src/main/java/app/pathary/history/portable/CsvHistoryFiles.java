package app.pathary.history.portable;

import app.pathary.common.InvalidInputException;
import app.pathary.history.HistoryCommand;
import app.pathary.history.WatchDateWindow;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV histories: Pathary's ({@code tmdbId,imdbId,title,year,watchedAt,plays,comment}), Movary's
 * {@code history.csv} ({@code title,year,tmdbId,imdbId,watchedAt,comment,location}, one row per play) and Letterboxd's
 * {@code diary.csv} ({@code Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date}, one row per viewing, no
 * TMDb id) or {@code watched.csv} (no viewing date). The header tells which; a bad row refuses the file with its line.
 */
final class CsvHistoryFiles {
    static final List<String> PATHARY = List.of("tmdbId", "imdbId", "title", "year", "watchedAt", "plays", "comment");
    static final List<String> MOVARY = List.of("title", "year", "tmdbId", "imdbId", "watchedAt", "comment", "location");
    static final List<String> EPISODES = List.of("tvdbId", "tmdbId", "imdbId", "title", "year", "season", "episode", "endEpisode",
            "episodeTitle", "watchedAt", "plays", "comment");
    static final List<String> LETTERBOXD = List.of("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date");
    private static final int MAX_ROWS = 500_000;

    private CsvHistoryFiles() {
    }

    /** The format the header names, or null when it is none of them. */
    static HistoryFormat detect(String text) {
        Set<String> header = header(text);
        if (header.contains("Letterboxd URI") || header.containsAll(List.of("Name", "Year", "Date"))) {
            return HistoryFormat.LETTERBOXD;
        }
        if (header.containsAll(List.of("season", "episode", "watchedAt"))) {
            return HistoryFormat.EPISODES;
        }
        if (header.containsAll(List.of("tmdbId", "watchedAt", "plays"))) {
            return HistoryFormat.PATHARY;
        }
        if (header.containsAll(List.of("tmdbId", "watchedAt", "title"))) {
            return HistoryFormat.MOVARY;
        }
        return null;
    }

    static ParsedFile read(String text, HistoryFormat format, WatchDateWindow window) {
        List<String> required = switch (format) {
            case PATHARY -> List.of("tmdbId", "title", "watchedAt");
            case MOVARY -> List.of("title", "year", "tmdbId", "watchedAt");
            case LETTERBOXD -> List.of("Name", "Year");
            case EPISODES -> List.of("title", "season", "episode", "watchedAt");
            case TRAKT -> throw new IllegalArgumentException("Trakt files are JSON");
        };
        List<String> documented = switch (format) {
            case PATHARY -> PATHARY;
            case MOVARY -> MOVARY;
            case EPISODES -> EPISODES;
            default -> LETTERBOXD;
        };
        List<ImportedEpisode> episodes = new ArrayList<>();
        CSVFormat csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<ImportedDate> plays = new ArrayList<>();
        int rows = 0;
        try (CSVParser parser = csv.parse(new StringReader(text))) {
            if (!parser.getHeaderNames().containsAll(required)) {
                throw new InvalidInputException("The first line of a " + format.label() + " file must be the header "
                        + String.join(",", documented) + ".");
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (++rows > MAX_ROWS) {
                    throw new InvalidInputException("The file has more than " + MAX_ROWS + " rows; split it and import the parts one after the other.");
                }
                try {
                    if (format == HistoryFormat.EPISODES) {
                        episodes.add(episode(record, (int) line, window));
                        continue;
                    }
                    plays.add(row(format, record, (int) line, window));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("Line " + line + ": " + e.getMessage() + " Nothing from the file was imported.");
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw new InvalidInputException("The file is not valid CSV (" + e.getMessage() + "); nothing from it was imported.");
        }
        if (plays.isEmpty() && episodes.isEmpty()) {
            throw new InvalidInputException("The file has no rows below its header.");
        }
        return ParsedFile.of(format, rows, plays, episodes);
    }

    private static ImportedDate row(HistoryFormat format, CSVRecord record, int line, WatchDateWindow window) {
        return switch (format) {
            case PATHARY -> {
                String plays = value(record, "plays");
                yield new ImportedDate(line, movie(record, "tmdbId", "imdbId", "title", "year", true),
                        window.parse(value(record, "watchedAt"), "watchedAt"), plays.isEmpty() ? 1 : number(plays, "plays"),
                        comment(value(record, "comment")));
            }
            case MOVARY -> new ImportedDate(line, movie(record, "tmdbId", "imdbId", "title", "year", true),
                    window.parse(dayOf(value(record, "watchedAt")), "watchedAt"), 1, comment(value(record, "comment")));
            case LETTERBOXD -> {
                // diary.csv: "Watched Date" is the viewing; watched.csv has only "Date", the day it was marked: no viewing date.
                String watched = record.isMapped("Watched Date") ? value(record, "Watched Date") : "";
                yield new ImportedDate(line, movie(record, null, null, "Name", "Year", false),
                        window.parse(watched, "Watched Date"), 1, null);
            }
            case EPISODES, TRAKT -> throw new IllegalArgumentException("not a movie format");
        };
    }

    private static ImportedEpisode episode(CSVRecord record, int line, WatchDateWindow window) {
        Integer tvdb = optionalNumber(value(record, "tvdbId"), "tvdbId");
        Integer tmdb = optionalNumber(value(record, "tmdbId"), "tmdbId");
        String imdb = value(record, "imdbId");
        var ids = new app.pathary.show.ShowIds(tvdb, tmdb, imdb).required();
        String show = value(record, "title");
        if (show.isEmpty() || show.length() > 500) {
            throw new InvalidInputException("title must be the show's title (1 to 500 characters).");
        }
        var episode = new app.pathary.show.NewEpisode(number(value(record, "season"), "season"), number(value(record, "episode"), "episode"),
                optionalNumber(value(record, "endEpisode"), "endEpisode"), value(record, "episodeTitle"));
        String plays = value(record, "plays");
        LocalDate date = window.parse(value(record, "watchedAt"), "watchedAt");
        return new ImportedEpisode(line, ids.tvdbId(), ids.tmdbId(), ids.imdbId(), show, optionalNumber(value(record, "year"), "year"),
                episode.season(), episode.number(), episode.endNumber(), episode.title(), date == null ? null : date.toString(),
                plays.isEmpty() ? 1 : number(plays, "plays"), comment(value(record, "comment")));
    }

    private static Integer optionalNumber(String text, String column) {
        return text.isEmpty() ? null : number(text, column);
    }

    private static FileMovie movie(CSVRecord record, String tmdbColumn, String imdbColumn, String titleColumn, String yearColumn,
            boolean tmdbNeeded) {
        Integer tmdb = tmdbColumn == null ? null : number(value(record, tmdbColumn), tmdbColumn);
        if (tmdbNeeded && tmdb <= 0) {
            throw new InvalidInputException(tmdbColumn + " must be a positive number.");
        }
        String title = value(record, titleColumn);
        if (title.length() > 500) {
            throw new InvalidInputException(titleColumn + " must have at most 500 characters.");
        }
        if (!tmdbNeeded && title.isEmpty()) {
            throw new InvalidInputException(titleColumn + " is empty.");
        }
        String year = value(record, yearColumn);
        String imdb = imdbColumn == null ? null : value(record, imdbColumn);
        if (imdb != null && !imdb.isEmpty() && !imdb.matches("tt\\d{5,10}")) {
            throw new InvalidInputException(imdbColumn + " '" + shortened(imdb) + "' is not an IMDb id such as tt0133093.");
        }
        return new FileMovie(tmdb, imdb, title, year.isEmpty() ? null : number(year, yearColumn));
    }

    /** Movary writes {@code yyyy-MM-dd}; a time after the date (yyyy-MM-dd HH:mm:ss) is dropped. */
    private static String dayOf(String watchedAt) {
        return watchedAt.length() > 10 && watchedAt.charAt(10) == ' ' ? watchedAt.substring(0, 10) : watchedAt;
    }

    private static String comment(String text) {
        if (text.length() > HistoryCommand.MAX_COMMENT) {
            throw new InvalidInputException("comment must have at most " + HistoryCommand.MAX_COMMENT + " characters.");
        }
        return text.isEmpty() ? null : text;
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private static int number(String text, String column) {
        if (!text.matches("\\d{1,9}")) {
            throw new InvalidInputException(column + " must be a whole number, not '" + shortened(text) + "'.");
        }
        return Integer.parseInt(text);
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static Set<String> header(String text) {
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        Set<String> names = new TreeSet<>();
        for (String name : first.split(",")) {
            names.add(name.strip().replace("\"", ""));
        }
        return names;
    }
}
