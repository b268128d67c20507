package app.pathary.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" makes Pathary call a server. On the admin settings (the server-wide Jellyfin, Radarr and Sonarr)
 * only an admin may ask for it; a user's own Jellyfin test on their integration page stays theirs.
 */
@BothDialects
class TestConnectionAccessHttpTest {
    private static final String SETTINGS = "/settings/server/cleanup";
    /** Every admin test-connection route and a form that makes it probe a configured server. */
    private static final Map<String, Map<String, String>> ADMIN_PROBES = new LinkedHashMap<>();

    static {
        ADMIN_PROBES.put(SETTINGS + "/test", Map.of());
        ADMIN_PROBES.put(SETTINGS + "/instances/test", Map.of("name", "radarr"));
        ADMIN_PROBES.put(SETTINGS + "/instances/test#sonarr", Map.of("name", "sonarr"));
    }

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private final FakeSonarr sonarr = FakeSonarr.start();
    private TestApp app;
    private WebClient admin;
    private WebClient bob;

    private void start(Dialect dialect) {
        jellyfin.addAdmin("root", "pw");
        Map<String, String> env = Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey(),
                "RADARR_URL", radarr.baseUrl().toString(), "RADARR_API_KEY", radarr.apiKey(),
                "SONARR_URL", sonarr.baseUrl().toString(), "SONARR_API_KEY", sonarr.apiKey());
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), env);
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        app.app.users.accounts().create("bob@example.org", "password1", "bob", false);
        admin = app.client();
        admin.logIn("root", "password1");
        bob = app.client();
        bob.logIn("bob", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
        radarr.close();
        sonarr.close();
    }

    private static String path(String probe) {
        return probe.replaceAll("#.*", "");
    }

    private int remoteCalls() {
        return jellyfin.requests().size() + radarr.requests().size() + sonarr.requests().size();
    }

    @Test
    void a_user_who_is_not_an_admin_gets_403_on_every_admin_test_connection_and_no_server_is_called(Dialect dialect) {
        start(dialect);
        String csrf = WebClient.csrfFrom(bob.get("/account").body());
        String token = app.app.users.tokens().create(app.app.users.accounts().byName("bob").id(), "script");
        WebClient bobWithToken = app.client().withBearer(token);
        for (var probe : ADMIN_PROBES.entrySet()) {
            Map<String, String> form = new LinkedHashMap<>(probe.getValue());
            form.put("_csrf", csrf);
            HttpResponse<String> bySession = bob.post(path(probe.getKey()), form);
            assertThat(bySession.statusCode()).as(probe.getKey()).isEqualTo(403);
            assertThat(bySession.body()).contains("Only admins");
            assertThat(bobWithToken.post(path(probe.getKey()), probe.getValue()).statusCode()).as(probe.getKey() + " by token").isEqualTo(403);
        }
        for (String variant : List.of(SETTINGS + "/test/", SETTINGS + "/instances/test;x", "/settings//server/cleanup/test",
                "/settings/%73erver/cleanup/test", "/settings;x=1/server/cleanup/test", "/Settings/Server/Cleanup/Test",
                "/settings/./server/cleanup/test", "/x/../settings/server/cleanup/test")) {
            HttpResponse<String> answer = bob.post(variant, Map.of("_csrf", csrf, "name", "radarr"));
            assertThat(answer.statusCode()).as("a spelling of the route that slips past the check must not reach it either: " + variant)
                    .isIn(403, 404);
        }
        assertThat(remoteCalls()).as("no server was called for bob").isZero();
    }

    @Test
    void an_anonymous_caller_is_sent_to_log_in_and_an_unknown_token_gets_401(Dialect dialect) {
        start(dialect);
        WebClient stranger = app.client();
        WebClient strangerWithForm = app.client();
        String anonymousCsrf = WebClient.csrfFrom(strangerWithForm.get("/login").body());
        for (var probe : ADMIN_PROBES.entrySet()) {
            for (HttpResponse<String> answer : List.of(stranger.post(path(probe.getKey()), probe.getValue()),
                    strangerWithForm.post(path(probe.getKey()), with(probe.getValue(), "_csrf", anonymousCsrf)))) {
                assertThat(answer.statusCode()).as(probe.getKey()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location")).hasValue("/login");
            }
            assertThat(app.client().withBearer("not-a-token").post(path(probe.getKey()), probe.getValue()).statusCode())
                    .as(probe.getKey()).isEqualTo(401);
        }
        assertThat(remoteCalls()).isZero();
    }

    @Test
    void an_admin_tests_each_server_and_a_user_tests_their_own_jellyfin(Dialect dialect) {
        start(dialect);
        for (var probe : ADMIN_PROBES.entrySet()) {
            int before = remoteCalls();
            admin.submit(SETTINGS, path(probe.getKey()), probe.getValue());
            assertThat(admin.get(SETTINGS).body()).as(probe.getKey()).contains("Connected to ");
            assertThat(remoteCalls()).as("the route really probes a server: " + probe.getKey()).isGreaterThan(before);
        }
        int before = remoteCalls();
        HttpResponse<String> own = bob.submit("/settings/integrations/jellyfin", "/settings/integrations/jellyfin/test",
                Map.of("serverUrl", jellyfin.baseUrl().toString()));
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(bob.get(own.headers().firstValue("Location").orElseThrow()).body()).contains("Connected to ");
        assertThat(remoteCalls()).isGreaterThan(before);
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put(name, value);
        return all;
    }
}
