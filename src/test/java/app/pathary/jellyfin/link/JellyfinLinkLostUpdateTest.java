package app.pathary.jellyfin.link;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Jellyfin login that takes its time (the fake holds the answer until the test lets it go) must not undo what the
 * user changed on the page meanwhile: a regenerated webhook URL stays the one that works, a scrobbling switch stays
 * where it was put, and a login answered for a server address that was changed in between is not kept.
 */
@BothDialects
class JellyfinLinkLostUpdateTest {
    private static final String PAGE = "/settings/integrations/jellyfin";
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser jfAlice = jellyfin.addUser("alice", "jf-password");
    private TestApp app;
    private WebClient tab;
    private long userId;

    @BeforeEach
    void start(Dialect dialect) {
        // Pathary waits up to a minute for Jellyfin here, so the held login is slow, never timed out.
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of(), Duration.ofMinutes(1));
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        tab = app.client();
        tab.logIn("alice", "password1");
        act("/server", Map.of("serverUrl", jellyfin.baseUrl().toString()));
    }

    @AfterEach
    void stop() {
        jellyfin.releaseLogins();
        app.close();
        jellyfin.close();
    }

    private HttpResponse<String> act(String action, Map<String, String> fields) {
        return tab.submit(PAGE, PAGE + action, fields);
    }

    /** Sends the Jellyfin login form in another tab; it is answered once the fake lets the login go. */
    private CompletableFuture<HttpResponse<String>> slowLoginInAnotherTab() {
        jellyfin.holdLogins();
        String csrf = WebClient.csrfFrom(tab.get(PAGE).body());
        CompletableFuture<HttpResponse<String>> login = CompletableFuture.supplyAsync(() -> tab.post(PAGE + "/login",
                Map.of("_csrf", csrf, "username", "alice", "password", "jf-password")));
        jellyfin.awaitHeldLogin();
        return login;
    }

    private static void finish(CompletableFuture<HttpResponse<String>> login) throws Exception {
        assertThat(login.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(302);
    }

    private String webhookUrlOnPage() {
        var url = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(app.baseUrl() + "/api/webhook/jellyfin/") + "[0-9a-f-]{36}")
                .matcher(tab.get(PAGE).body());
        assertThat(url.find()).as("the page shows a webhook URL").isTrue();
        return url.group();
    }

    private int deliver(String webhookUrl) {
        var item = jellyfin.addMovie("Heat", 1995);
        return jellyfin.webhooks().post(URI.create(webhookUrl), jellyfin.webhooks().playbackStop(jfAlice, item, 0, true)).status();
    }

    @Test
    void a_webhook_url_regenerated_during_a_slow_login_stays_the_one_that_works() throws Exception {
        act("/webhook", Map.of());
        String revoked = webhookUrlOnPage();

        var login = slowLoginInAnotherTab();
        act("/webhook", Map.of());
        String current = webhookUrlOnPage();
        jellyfin.releaseLogins();
        finish(login);

        String page = tab.get(PAGE).body();
        assertThat(page).contains("Authenticated as <strong>alice</strong>").contains(current).doesNotContain(revoked);
        assertThat(current).isNotEqualTo(revoked);
        assertThat(deliver(revoked)).as("the revoked URL").isEqualTo(404);
        assertThat(deliver(current)).as("the new URL").isBetween(200, 299);
    }

    @Test
    void scrobbling_switched_off_during_a_slow_login_stays_off() throws Exception {
        act("/webhook", Map.of());
        assertThat(app.app.jellyfinLink.links().of(userId).scrobbleEnabled()).isTrue();

        var login = slowLoginInAnotherTab();
        act("/scrobble", Map.of("enabled", "false"));
        jellyfin.releaseLogins();
        finish(login);

        JellyfinLink link = app.app.jellyfinLink.links().of(userId);
        assertThat(link.scrobbleEnabled()).as("scrobbling").isFalse();
        assertThat(link.authenticated()).as("the login is stored too").isTrue();
        assertThat(tab.get(PAGE).body()).contains("Authenticated as <strong>alice</strong>")
                .doesNotContainPattern("id=\"scrobble\"[^>]*checked");
    }

    @Test
    void a_login_answered_after_the_server_address_changed_is_not_kept_and_its_token_is_revoked() throws Exception {
        var login = slowLoginInAnotherTab();
        act("/server", Map.of("serverUrl", "http://127.0.0.1:9/other"));
        jellyfin.releaseLogins();
        finish(login);

        JellyfinLink link = app.app.jellyfinLink.links().of(userId);
        assertThat(link.serverUrl()).isEqualTo("http://127.0.0.1:9/other");
        assertThat(link.authenticated()).as("no token of the old server next to the new address").isFalse();
        assertThat(jellyfin.requestCount("POST", "/Sessions/Logout")).as("the token Jellyfin gave was revoked there").isEqualTo(1);
        assertThat(tab.get(PAGE).body()).contains("The server address changed while Jellyfin answered; log in again.");
    }

    @Test
    void a_login_renewed_while_a_job_saw_the_old_token_refused_stays_valid() {
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
        String refused = app.app.jellyfinLink.links().of(userId).sealedToken();
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");

        app.app.jellyfinLink.login().markInvalid(userId, refused);

        assertThat(app.app.jellyfinLink.links().of(userId).loginInvalid()).as("the newer login").isFalse();
        app.app.jellyfinLink.login().markInvalid(userId, app.app.jellyfinLink.links().of(userId).sealedToken());
        assertThat(app.app.jellyfinLink.links().of(userId).loginInvalid()).as("the current login, refused").isTrue();
    }
}
