package app.pathary.jellyfin.images;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.jellyfin.client.ImageData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poster cache on disk: bounded in size, oldest out first, found again after a restart. */
class PosterCacheTest {
    @TempDir
    Path dir;

    private static ImageData picture(int size, byte fill) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, fill);
        return new ImageData(bytes, "image/jpeg");
    }

    @Test
    void storing_past_the_size_bound_lets_go_of_the_oldest_pictures_first() {
        PosterCache cache = new PosterCache(dir, 1000);
        cache.store("a", picture(400, (byte) 1));
        cache.store("b", picture(400, (byte) 2));
        cache.store("c", picture(400, (byte) 3));

        assertThat(cache.find("a")).as("the oldest went").isEmpty();
        assertThat(cache.find("b")).isPresent();
        assertThat(cache.find("c").orElseThrow().bytes()).isEqualTo(picture(400, (byte) 3).bytes());
        assertThat(cache.size()).isEqualTo(800);
    }

    @Test
    void a_new_cache_on_the_same_folder_finds_the_pictures_with_the_same_etag() throws Exception {
        PosterCache first = new PosterCache(dir, 10_000);
        String etag = first.store("poster", picture(300, (byte) 7)).etag();

        PosterCache afterRestart = new PosterCache(dir, 10_000);

        PosterCache.Stored found = afterRestart.find("poster").orElseThrow();
        assertThat(found.etag()).isEqualTo(etag);
        assertThat(found.contentType()).isEqualTo("image/jpeg");
        assertThat(afterRestart.size()).isEqualTo(300);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no file name carries the key").noneMatch(n -> n.contains("poster"));
        }
    }

    @Test
    void a_picture_of_an_unknown_type_is_answered_but_not_kept() {
        PosterCache cache = new PosterCache(dir, 10_000);
        cache.store("odd", new ImageData(new byte[] {1, 2, 3}, "image/x-unknown"));
        assertThat(cache.find("odd")).isEmpty();
    }
}
