package app.pathary.history.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
import app.pathary.history.WatchDateWindow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading history files: the format is told from the content, rows become dates and plays, and a bad file says why in one sentence. */
class HistoryFilesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);
    private final HistoryFiles utc = new HistoryFiles(new WatchDateWindow(CLOCK, ZoneOffset.UTC), ZoneOffset.UTC);

    @Test
    void a_movary_history_has_one_row_per_play_so_two_rows_on_a_date_are_two_plays() {
        ParsedFile file = utc.read(HistoryFileFixtures.bytes("movary/history.csv"), "history.csv", null);

        assertThat(file.format()).isEqualTo(HistoryFormat.MOVARY);
        assertThat(file.rows()).isEqualTo(5);
        assertThat(file.dates()).extracting(d -> d.movie().tmdbId() + " " + d.date() + " x" + d.plays() + " " + d.comment())
                .containsExactly("603 2024-03-09 x2 with Alice", "949 2024-03-11 x1 null", "146 null x1 subtitled, of course",
                        "949 2023-12-24 x1 null");
    }

    @Test
    void a_letterboxd_diary_names_films_by_title_and_year_only_and_each_viewing_is_a_play() {
        ParsedFile file = utc.read(HistoryFileFixtures.bytes("letterboxd/diary.csv"), "diary.csv", null);

        assertThat(file.format()).isEqualTo(HistoryFormat.LETTERBOXD);
        assertThat(file.dates()).allSatisfy(d -> assertThat(d.movie().tmdbId()).isNull());
        assertThat(file.dates()).extracting(d -> d.line() + " " + d.movie().title() + " " + d.movie().year() + " " + d.date())
                .contains("2 The Matrix 1999 2024-03-09", "4 The Matrix 1999 2024-05-01", "5 Amélie 2001 2024-05-30");
        ParsedFile watched = utc.read(HistoryFileFixtures.bytes("letterboxd/watched.csv"), "watched.csv", null);
        assertThat(watched.dates()).singleElement().satisfies(d -> assertThat(d.date()).as("the day it was marked is no viewing").isNull());
    }

    @Test
    void a_letterboxd_export_zip_is_read_through_its_diary() {
        byte[] zip = HistoryFileFixtures.zip(Map.of("diary.csv", HistoryFileFixtures.bytes("letterboxd/diary.csv"),
                "watched.csv", HistoryFileFixtures.bytes("letterboxd/watched.csv")));

        assertThat(utc.read(zip, "letterboxd-export.zip", null).format()).isEqualTo(HistoryFormat.LETTERBOXD);
    }

    @Test
    void a_trakt_zip_is_found_by_name_and_content_with_movies_and_episodes_and_a_play_in_two_files_counts_once() {
        ParsedFile file = utc.read(HistoryFileFixtures.traktZip(), "trakt.zip", null);

        assertThat(file.format()).isEqualTo(HistoryFormat.TRAKT);
        assertThat(file.rows()).as("9001, 9002, 9003, 9004 and 8001: 9002 is in both files").isEqualTo(5);
        assertThat(file.episodes()).extracting(e -> e.tvdbId() + " " + e.show() + " S" + e.season() + "E" + e.number() + " " + e.title() + " " + e.date())
                .containsExactly("280619 The Expanse S2E3 Static 2024-04-01", "280619 The Expanse S2E4 Godspeed 2024-04-01");
        assertThat(file.dates()).extracting(d -> d.movie().tmdbId() + " " + d.movie().imdbId() + " " + d.date() + " x" + d.plays())
                .containsExactlyInAnyOrder("603 tt0133093 2024-03-09 x2", "949 tt0113277 2023-12-24 x1");
    }

    @Test
    void a_trakt_play_falls_on_its_day_in_the_configured_time_zone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        HistoryFiles inTokyo = new HistoryFiles(new WatchDateWindow(CLOCK, tokyo), tokyo);

        ParsedFile file = inTokyo.read(HistoryFileFixtures.bytes("trakt/trakt-export-user/watched-history-1.json"), "watched-history-1.json", null);

        assertThat(file.dates()).extracting(d -> d.date() + " x" + d.plays())
                .as("20:15Z is 05:15 the next day in Tokyo, 22:40Z 07:40").containsExactly("2024-03-10 x2");
    }

    @Test
    void pathary_csv_is_told_by_its_plays_column() {
        String csv = "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,tt0133093,The Matrix,1999,2024-03-09,3,\n";

        ParsedFile file = utc.read(csv.getBytes(StandardCharsets.UTF_8), "mine.csv", null);

        assertThat(file.format()).isEqualTo(HistoryFormat.PATHARY);
        assertThat(file.dates()).singleElement().satisfies(d -> assertThat(d.plays()).isEqualTo(3));
    }

    @Test
    void malformed_files_are_refused_with_one_sentence() {
        assertRefused("name,rating\nx,1\n".getBytes(StandardCharsets.UTF_8), "is none of the formats Pathary reads");
        assertRefused("title,year,tmdbId,imdbId,watchedAt,comment,location\nHeat,1995,949,,2024-13-40,,\n".getBytes(StandardCharsets.UTF_8),
                "Line 2: watchedAt must be a date as yyyy-MM-dd (a real calendar date)");
        assertRefused(("title,year,tmdbId,imdbId,watchedAt,comment,location\nHeat,1995,949,,2024-01-01," + "x".repeat(20_000) + ",\n")
                .getBytes(StandardCharsets.UTF_8), "Line 2: comment must have at most 10000 characters.");
        assertRefused("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-01-01,Heat,nineteen,u,,,,2024-01-01\n"
                .getBytes(StandardCharsets.UTF_8), "Line 2: Year must be a whole number, not 'nineteen'.");
        assertRefused(new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 0}, "is not UTF-8 text");
        byte[] zip = HistoryFileFixtures.traktZip();
        assertRefused(Arrays.copyOf(zip, zip.length / 2), "damaged or cut short");
        assertRefused(HistoryFileFixtures.zip(Map.of("../../etc/watched-history-1.json", "[]".getBytes(StandardCharsets.UTF_8))),
                "an entry with an unsafe name");
        assertRefused(HistoryFileFixtures.zip(Map.of("readme.txt", "hi".getBytes(StandardCharsets.UTF_8))), "holds no Trakt history");
        String cut = HistoryFileFixtures.text("trakt/history-1.json");
        assertRefused(HistoryFileFixtures.zip(Map.of("watched-history-1.json", cut.substring(0, cut.length() / 2).getBytes(StandardCharsets.UTF_8))),
                "is not valid JSON (it may be cut short) after 0 complete entries");
        assertRefused("[{\"id\":1,\"watched_at\":\"yesterday\",\"type\":\"movie\",\"movie\":{\"title\":\"Heat\"}}]".getBytes(StandardCharsets.UTF_8),
                "entry 1: watched_at must be a time such as 2024-03-09T20:15:00.000Z, not 'yesterday'.");
    }

    @Test
    void a_zip_bomb_is_refused_before_it_fills_the_memory() {
        byte[] bomb = HistoryFileFixtures.zip(Map.of("watched-history-1.json", new byte[(int) SafeZip.MAX_ENTRY_BYTES + 1024]));
        assertThat(bomb.length).as("a few hundred kilobytes that inflate past the limit").isLessThan(1024 * 1024);

        assertRefused(bomb, "inflates past 64 MB in its entry watched-history-1.json");
        assertThatThrownBy(() -> SafeZip.read(HistoryFileFixtures.traktZip(), name -> true, 1024 * 1024, 100))
                .hasMessageContaining("inflates past 0 MB in all");
    }

    @Test
    void a_format_given_by_the_user_is_read_as_that_format() {
        assertThatThrownBy(() -> utc.read(HistoryFileFixtures.bytes("letterboxd/diary.csv"), "diary.csv", HistoryFormat.MOVARY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The first line of a Movary history.csv file must be the header title,year,tmdbId,imdbId,watchedAt,comment,location.");
        assertThat(HistoryFormat.of("Letterboxd", "--format")).isEqualTo(HistoryFormat.LETTERBOXD);
        assertThatThrownBy(() -> HistoryFormat.of("imdb", "--format")).hasMessage("--format must be one of pathary, episodes, movary, letterboxd, trakt, not 'imdb'.");
    }

    private void assertRefused(byte[] content, String sentence) {
        assertThatThrownBy(() -> utc.read(content, "upload", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(sentence);
    }
}
