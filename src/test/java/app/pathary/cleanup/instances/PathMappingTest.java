package app.pathary.cleanup.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class PathMappingTest {
    private final PathMapping mapping = PathMapping.parse("/media/movies:/movies,/media/movies/4k:/movies4k,/media/tv/:/tv", "RADARR_PATH_MAP");

    @Test
    void a_prefix_maps_whole_segments_only() {
        assertThat(mapping.toArr("/media/movies/Heat (1995)/Heat.mkv")).isEqualTo("/movies/Heat (1995)/Heat.mkv");
        assertThat(mapping.toArr("/media/movies4k/Heat.mkv")).as("/media/movies never matches /media/movies4k")
                .isEqualTo("/media/movies4k/Heat.mkv");
        assertThat(mapping.toArr("/media/movies")).isEqualTo("/movies");
    }

    @Test
    void the_longest_prefix_wins_whatever_the_order_given() {
        assertThat(mapping.toArr("/media/movies/4k/Heat/Heat.mkv")).isEqualTo("/movies4k/Heat/Heat.mkv");
        assertThat(mapping.pairs().getFirst().jellyfinPrefix()).isEqualTo("/media/movies/4k");
    }

    @Test
    void slashes_trailing_slashes_and_unicode_forms_are_normalised() {
        assertThat(mapping.toArr("/media//tv///Show/S01/e1.mkv")).isEqualTo("/tv/Show/S01/e1.mkv");
        assertThat(mapping.toArr("\\media\\tv\\Show\\e1.mkv")).isEqualTo("/tv/Show/e1.mkv");
        String decomposed = Normalizer.normalize("/media/movies/Amélie/Amélie.mkv", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("/media/movies/Amélie/Amélie.mkv");
        assertThat(mapping.toArr(decomposed)).isEqualTo("/movies/Amélie/Amélie.mkv");
        assertThat(PathMapping.normalise("/movies/Heat/")).isEqualTo("/movies/Heat");
        assertThat(PathMapping.normalise("/")).isEqualTo("/");
    }

    @Test
    void without_a_mapping_paths_are_taken_as_they_are_and_containment_is_by_segment() {
        assertThat(PathMapping.none().toArr("/data/movies/Heat.mkv")).isEqualTo("/data/movies/Heat.mkv");
        assertThat(PathMapping.within("/movies/Heat/Heat.mkv", "/movies/Heat")).isTrue();
        assertThat(PathMapping.within("/movies/Heat 2/x.mkv", "/movies/Heat")).isFalse();
        assertThat(PathMapping.within("/movies/Heat", "/movies/Heat")).isTrue();
    }

    @Test
    void a_malformed_mapping_names_the_variable() {
        assertThatThrownBy(() -> PathMapping.parse("/media/movies", "RADARR_PATH_MAP")).hasMessageStartingWith("RADARR_PATH_MAP must be");
        assertThatThrownBy(() -> PathMapping.parse("media:/movies", "SONARR_PATH_MAP")).hasMessageStartingWith("SONARR_PATH_MAP must be");
    }
}
