package app.pathary.cleanup.instances;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rough edge 13: a wrong API key is refused on save with the reason; an instance can be edited; Remove asks first. */
@BothDialects
class ArrInstanceFormHttpTest {
    private static final String SETTINGS = "/settings/server/cleanup";
    private final FakeRadarr radarr = FakeRadarr.start();
    private TestApp app;
    private WebClient admin;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        admin = app.client();
        admin.logIn("root", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
        radarr.close();
    }

    private Map<String, String> form(String key) {
        Map<String, String> form = new HashMap<>(Map.of("kind", "radarr", "name", "radarr-4k", "url", radarr.baseUrl().toString(),
                "pathMap", "/media/movies:/movies", "keepTag", "keep"));
        form.put("apiKey", key);
        return form;
    }

    @Test
    void a_wrong_key_is_refused_with_the_reason_and_the_form_keeps_what_was_typed() {
        HttpResponse<String> refused = admin.submit(SETTINGS, SETTINGS + "/instances", form("wrong-key"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was saved: radarr-4k at " + radarr.baseUrl())
                .contains("Check the URL and the API key (apiKey")
                .contains("value=\"radarr-4k\"").contains("value=\"/media/movies:/movies\"").doesNotContain("wrong-key");
        assertThat(app.app.cleanup.instances().instances()).isEmpty();

        HttpResponse<String> added = admin.submit(SETTINGS, SETTINGS + "/instances", form(radarr.apiKey()));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(admin.get(SETTINGS).body()).contains("Added radarr radarr-4k").contains("Connected to Radarr");
    }

    @Test
    void an_instance_is_edited_keeping_its_key_when_none_is_typed_and_a_wrong_new_key_changes_nothing() {
        admin.submit(SETTINGS, SETTINGS + "/instances", form(radarr.apiKey()));
        long id = app.app.cleanup.instances().instances().getFirst().id();
        assertThat(admin.get(SETTINGS).body()).contains("href=\"/settings/server/cleanup/instances/" + id + "\"");
        String edit = admin.get(SETTINGS + "/instances/" + id).body();
        assertThat(edit).contains("Edit radarr-4k").contains("value=\"/media/movies:/movies\"").doesNotContain(radarr.apiKey());

        Map<String, String> renamed = form("");
        renamed.put("name", "radarr-main");
        renamed.put("pathMap", "/data/movies:/movies");
        HttpResponse<String> saved = admin.submit(SETTINGS + "/instances/" + id, SETTINGS + "/instances/" + id, renamed);
        assertThat(saved.statusCode()).isEqualTo(302);
        ArrInstanceConfig stored = app.app.cleanup.instances().find(id);
        assertThat(stored.name()).isEqualTo("radarr-main");
        assertThat(stored.apiKey()).as("kept").isEqualTo(radarr.apiKey());

        Map<String, String> wrong = form("wrong-key");
        wrong.put("name", "radarr-other");
        HttpResponse<String> refused = admin.submit(SETTINGS + "/instances/" + id, SETTINGS + "/instances/" + id, wrong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(app.app.cleanup.instances().find(id).name()).isEqualTo("radarr-main");
    }

    @Test
    void remove_shows_a_confirmation_page_first_and_removes_only_when_confirmed() {
        admin.submit(SETTINGS, SETTINGS + "/instances", form(radarr.apiKey()));
        long id = app.app.cleanup.instances().instances().getFirst().id();
        assertThat(admin.get(SETTINGS).body()).contains("href=\"/settings/server/cleanup/instances/" + id + "/remove\"")
                .doesNotContain("/instances/" + id + "/delete");
        String confirm = admin.get(SETTINGS + "/instances/" + id + "/remove").body();
        assertThat(confirm).contains("Remove radarr-4k?").contains("action=\"/settings/server/cleanup/instances/" + id + "/delete\"");
        assertThat(app.app.cleanup.instances().instances()).hasSize(1);
        admin.submit(SETTINGS + "/instances/" + id + "/remove", SETTINGS + "/instances/" + id + "/delete", Map.of());
        assertThat(app.app.cleanup.instances().instances()).isEmpty();
        assertThat(admin.get(SETTINGS).body()).contains("Removed radarr-4k from Pathary; nothing in Radarr was changed.");
        assertThat(admin.get(SETTINGS + "/instances/" + id).statusCode()).isEqualTo(404);
    }
}
