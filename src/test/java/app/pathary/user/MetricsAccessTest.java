package app.pathary.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.config.ConfigException;
import app.pathary.config.Environment;
import app.pathary.config.MetricsOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {
    @Test
    void the_token_is_accepted_only_as_a_bearer_and_exactly() {
        MetricsAccess access = MetricsAccess.from(MetricsOptions.parse(new Environment(Map.of("METRICS_TOKEN", "s3cret-scrape"))));

        assertThat(access.acceptsAuthorization("Bearer s3cret-scrape")).isTrue();
        assertThat(access.acceptsAuthorization("bearer s3cret-scrape")).as("the scheme is case-insensitive").isTrue();
        assertThat(access.acceptsAuthorization("Bearer s3cret-scrap")).isFalse();
        assertThat(access.acceptsAuthorization("Bearer s3cret-scrape2")).isFalse();
        assertThat(access.acceptsAuthorization("Basic s3cret-scrape")).isFalse();
        assertThat(access.acceptsAuthorization("s3cret-scrape")).isFalse();
        assertThat(access.acceptsAuthorization(null)).isFalse();
        assertThat(access.isPublic()).isFalse();
    }

    @Test
    void without_a_token_no_header_is_accepted() {
        MetricsAccess access = MetricsAccess.from(MetricsOptions.parse(new Environment(Map.of())));

        assertThat(access.acceptsAuthorization("Bearer ")).isFalse();
        assertThat(access.acceptsAuthorization("Bearer anything")).isFalse();
        assertThat(access.isPublic()).isFalse();
    }

    @Test
    void metrics_public_is_true_or_false_and_anything_else_stops_startup_with_a_sentence() {
        assertThat(MetricsAccess.from(MetricsOptions.parse(new Environment(Map.of("METRICS_PUBLIC", "TRUE")))).isPublic()).isTrue();
        assertThat(MetricsAccess.from(MetricsOptions.parse(new Environment(Map.of("METRICS_PUBLIC", "false")))).isPublic()).isFalse();
        assertThatThrownBy(() -> MetricsAccess.from(MetricsOptions.parse(new Environment(Map.of("METRICS_PUBLIC", "yes please")))))
                .isInstanceOf(ConfigException.class).hasMessage("METRICS_PUBLIC must be true or false, not 'yes please'.");
    }

    @Test
    void the_token_never_shows_in_its_description() {
        assertThat(MetricsAccess.from(MetricsOptions.parse(new Environment(Map.of("METRICS_TOKEN", "s3cret-scrape")))).toString())
                .doesNotContain("s3cret").contains("token=set");
    }
}
