package app.pathary.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.TestApp;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who reads /metrics: an admin (session or API token) or Prometheus with {@code METRICS_TOKEN} as its bearer token;
 * anyone only with {@code METRICS_PUBLIC=true}. /health stays open to probes, even before the first user exists.
 */
@BothDialects
class OpsAccessHttpTest {
    private final Dialect dialect;

    OpsAccessHttpTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private static final String TOKEN = "prometheus-scrape-token-7f3a9c";
    private TestApp app;

    private TestApp start(Map<String, String> environment) {
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), environment);
        return app;
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static boolean isPrometheusText(HttpResponse<String> answer) {
        return answer.statusCode() == 200 && answer.body().contains("# TYPE jvm_memory_used_bytes gauge");
    }

    private WebClient user(WebClient admin, String name) {
        admin.submit("/admin/users", "/admin/users", Map.of("email", name + "@example.org", "password", "password1", "name", name));
        WebClient user = app.client();
        user.logIn(name, "password1");
        return user;
    }

    private String apiToken(String name) throws Exception {
        String body = app.client().json("POST", "/api/auth/token", "{\"name\":\"" + name + "\",\"password\":\"password1\"}").body();
        return new ObjectMapper().readTree(body).path("token").asText();
    }

    @Test
    void metrics_answer_the_bearer_token_and_an_admin_and_refuse_everyone_else() throws Exception {
        start(Map.of("METRICS_TOKEN", TOKEN));
        WebClient admin = app.client();
        admin.setUpAdmin("root", "root@example.org", "password1");
        WebClient bob = user(admin, "bob");

        assertThat(isPrometheusText(app.client().withBearer(TOKEN).get("/metrics"))).as("the metrics token").isTrue();
        assertThat(isPrometheusText(admin.get("/metrics"))).as("an admin's session").isTrue();
        assertThat(isPrometheusText(app.client().withBearer(apiToken("root")).get("/metrics"))).as("an admin's API token").isTrue();

        assertThat(app.client().get("/metrics").statusCode()).as("no credentials").isEqualTo(401);
        assertThat(app.client().withBearer(TOKEN + "x").get("/metrics").statusCode()).as("a wrong token").isEqualTo(401);
        assertThat(app.client().withBearer(TOKEN.substring(1)).get("/metrics").statusCode()).as("a shorter token").isEqualTo(401);
        assertThat(app.client().getWithHeaders("/metrics", Map.of("Authorization", "Basic " + TOKEN)).statusCode())
                .as("the token under another scheme").isEqualTo(401);
        HttpResponse<String> bobsSession = bob.get("/metrics");
        assertThat(bobsSession.statusCode()).as("a user who is not an admin").isEqualTo(403);
        assertThat(bobsSession.body()).doesNotContain("jvm_");
        assertThat(app.client().withBearer(apiToken("bob")).get("/metrics").statusCode()).as("their API token").isEqualTo(403);
    }

    @Test
    void without_a_token_configured_no_bearer_reads_the_metrics_but_an_admin_does() {
        start(Map.of());
        WebClient admin = app.client();
        admin.setUpAdmin("root", "root@example.org", "password1");

        assertThat(app.client().get("/metrics").statusCode()).isEqualTo(401);
        assertThat(app.client().withBearer("anything").get("/metrics").statusCode()).isEqualTo(401);
        assertThat(app.client().withBearer("").get("/metrics").statusCode()).isEqualTo(401);
        assertThat(isPrometheusText(admin.get("/metrics"))).isTrue();
    }

    @Test
    void public_metrics_answer_anyone() {
        start(Map.of("METRICS_PUBLIC", "true"));

        assertThat(isPrometheusText(app.client().get("/metrics"))).isTrue();
        assertThat(isPrometheusText(app.client().withBearer("not a token").get("/metrics"))).as("a stray header changes nothing").isTrue();
    }

    @Test
    void health_answers_probes_before_the_first_user_without_a_redirect_or_a_cookie() {
        start(Map.of());

        HttpResponse<String> health = app.client().get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(health.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(app.client().get("/history").headers().firstValue("Location")).as("pages still lead to setup").hasValue("/setup");
    }
}
