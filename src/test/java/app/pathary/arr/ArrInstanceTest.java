package app.pathary.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ArrInstanceTest {

    @Test
    void toStringHidesTheKey() {
        ArrInstance instance = new ArrInstance("main", URI.create("http://nas:7878"), "s3cr3t-key");

        assertThat(instance.toString()).doesNotContain("s3cr3t-key").isEqualTo(
                "ArrInstance[name=main, baseUrl=http://nas:7878, apiKey=***]");
    }

    @Test
    void theUrlMustBeHttpWithAHostAndNoQuery() {
        assertThatThrownBy(() -> new ArrInstance("a", URI.create("ftp://nas"), "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrInstance("a", URI.create("http:///radarr"), "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrInstance("a", URI.create("http://nas:7878/?apikey=k"), "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("apikey=k\"");
        assertThatThrownBy(() -> new ArrInstance("a", URI.create("http://nas"), " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
