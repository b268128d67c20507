package app.pathary.cleanup.plan;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.DiskSpace;
import app.pathary.arr.RootFolder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Root folders placed on their disks from what /diskspace and /rootfolder answered. */
class DiskFiguresTest {

    @Test
    void a_root_folder_is_on_the_longest_diskspace_path_that_holds_it() {
        var placed = DiskFigures.place(List.of(new DiskFigures.Reading("radarr",
                List.of(new DiskSpace("/", 50, 100), new DiskSpace("/data", 400, 1_000)),
                List.of(new RootFolder(1, "/data/movies/", true, 400L)), null)));

        assertThat(placed.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.name()).isEqualTo("/data");
            assertThat(disk.freeBytes()).isEqualTo(400);
            assertThat(disk.totalBytes()).isEqualTo(1_000);
            assertThat(disk.usedPercent()).isEqualTo(60);
            assertThat(disk.rootFolders()).containsExactly("radarr /data/movies");
        });
        assertThat(placed.diskOf("radarr", "/data/movies/Alien/a.mkv")).contains("/data");
        assertThat(placed.diskOf("sonarr", "/data/movies/Alien/a.mkv")).isEmpty();
    }

    @Test
    void a_root_folder_whose_free_space_differs_from_its_listed_disk_is_another_filesystem() {
        var placed = DiskFigures.place(List.of(new DiskFigures.Reading("sonarr", List.of(new DiskSpace("/", 50, 100)),
                List.of(new RootFolder(1, "/mnt/nas/tv", true, 9_000L)), null)));

        assertThat(placed.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.name()).isEqualTo("/mnt/nas/tv");
            assertThat(disk.freeBytes()).isEqualTo(9_000);
            assertThat(disk.totalBytes()).isNull();
            assertThat(disk.figureFrom()).contains("its free space differs from / in /diskspace");
        });
    }

    @Test
    void two_instances_reporting_the_same_filesystem_count_it_once_and_different_ones_of_the_same_name_stay_apart() {
        var placed = DiskFigures.place(List.of(
                new DiskFigures.Reading("radarr", List.of(new DiskSpace("/", 500, 10_000)), List.of(new RootFolder(1, "/movies", true, 500L)), null),
                new DiskFigures.Reading("sonarr", List.of(new DiskSpace("/", 480, 10_000)), List.of(new RootFolder(1, "/tv", true, 480L)), null),
                new DiskFigures.Reading("radarr-4k", List.of(new DiskSpace("/", 7, 20)), List.of(new RootFolder(1, "/movies", true, 7L)), null)));

        assertThat(placed.disks()).extracting(DiskState::name).containsExactly("/", "/ (radarr-4k)");
        assertThat(placed.disks().getFirst().rootFolders()).containsExactly("radarr /movies", "sonarr /tv");
    }

    @Test
    void an_instance_that_could_not_be_read_gives_an_unknown_disk_never_zero_free() {
        var placed = DiskFigures.place(List.of(new DiskFigures.Reading("radarr", null, null, "Radarr radarr could not be read (timed out)")));

        assertThat(placed.disks()).singleElement().satisfies(disk -> {
            assertThat(disk.freeBytes()).isNull();
            assertThat(disk.status()).isEqualTo(DiskState.UNKNOWN);
            assertThat(disk.note()).contains("timed out");
        });
    }
}
