package app.pathary.jellyfin.link;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rough edges 7 and 8 on the Jellyfin page, with the admin's JELLYFIN_URL and API key configured: the server address
 * defaults to it, a successful test shows the login at once, and a member links to their Jellyfin user by choice,
 * without a password, so other members' plays stay out of their history.
 */
@BothDialects
class JellyfinUserChoiceHttpTest {
    private static final String PAGE = "/settings/integrations/jellyfin";
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser jfBob = jellyfin.addUser("bob", "bob-secret");
    private final FakeUser jfCarol = jellyfin.addUser("carol", "carol-secret");
    private TestApp app;
    private WebClient bob;
    private long bobId;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect), java.time.Clock.systemUTC(),
                Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey()));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        bobId = app.app.users.accounts().create("bob@example.org", "password1", "bob", false).id();
        bob = app.client();
        bob.logIn("bob", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    @Test
    void the_server_address_defaults_to_the_admins_and_the_login_fields_show_without_saving() {
        String page = bob.get(PAGE).body();
        assertThat(page).contains("id=\"serverUrl\" name=\"serverUrl\" value=\"" + jellyfin.baseUrl() + "\"");
        assertThat(page).contains("id=\"login-form\"").contains("id=\"jf-username\"");
        bob.submit(PAGE, PAGE + "/login", Map.of("serverUrl", jellyfin.baseUrl().toString(), "username", "bob", "password", "bob-secret"));
        assertThat(bob.get(PAGE).body()).contains("Authenticated as bob.");
        assertThat(app.app.jellyfinLink.links().of(bobId).serverUrl()).isEqualTo(jellyfin.baseUrl().toString());
    }

    @Test
    void a_successful_test_keeps_the_address_so_the_login_fields_appear() {
        app.app.jellyfinLink.links().setServerUrl(bobId, "http://127.0.0.1:9");
        bob.submit(PAGE, PAGE + "/test", Map.of("serverUrl", jellyfin.baseUrl().toString()));
        String page = bob.get(PAGE).body();
        assertThat(page).contains("Connected to").contains("The address was saved; log in below.").contains("id=\"jf-username\"");
        assertThat(app.app.jellyfinLink.links().of(bobId).serverUrl()).isEqualTo(jellyfin.baseUrl().toString());
    }

    @Test
    void a_member_links_to_their_jellyfin_user_by_choice_and_the_webhook_then_ignores_other_users_plays() {
        String page = bob.get(PAGE).body();
        assertThat(page).contains("id=\"choose-user\"").contains(">bob</option>").contains(">carol</option>");

        HttpResponse<String> unknown = bob.submit(PAGE, PAGE + "/user", Map.of("jellyfinUserId", "not-a-user"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("jellyfinUserId: not-a-user is not a user of");
        assertThat(app.app.jellyfinLink.links().of(bobId).jellyfinUserId()).isNull();

        bob.submit(PAGE, PAGE + "/user", Map.of("jellyfinUserId", jfBob.id()));
        String linked = bob.get(PAGE).body();
        assertThat(linked).contains("You are linked to the Jellyfin user bob").contains("Linked to the Jellyfin user <strong>bob</strong>");
        assertThat(app.app.jellyfinLink.links().of(bobId).authenticated()).as("no password, no token").isFalse();

        bob.submit(PAGE, PAGE + "/webhook", Map.of());
        URI webhook = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + app.app.jellyfinLink.links().of(bobId).webhookId());
        FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603");
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949");
        jellyfin.webhooks().post(webhook, jellyfin.webhooks().playbackStop(jfCarol, heat, 0, true));
        jellyfin.webhooks().post(webhook, jellyfin.webhooks().playbackStop(jfBob, matrix, 0, true));
        assertThat(app.client().logIn("bob", "password1").statusCode()).isEqualTo(302);
        String history = bob.get("/history").body();
        assertThat(history).contains("The Matrix").doesNotContain("Heat");

        bob.submit(PAGE, PAGE + "/user", Map.of("jellyfinUserId", ""));
        assertThat(app.app.jellyfinLink.links().of(bobId).jellyfinUserId()).isNull();
    }
}
