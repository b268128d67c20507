package app.pathary.jellyfin.link;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jellyfin settings page over HTTP, against a fake Jellyfin that behaves like the real one. */
@BothDialects
class JellyfinLoginHttpTest {
    private static final String PAGE = "/settings/integrations/jellyfin";
    private final FakeJellyfin jellyfin = FakeJellyfin.start("/jellyfin");
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private TestApp app;
    private WebClient browser;
    private long userId;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        browser = app.client();
        browser.logIn("alice", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    private String act(String action, Map<String, String> fields) {
        browser.submit(PAGE, PAGE + action, fields);
        return browser.get(PAGE).body();
    }

    private String serverUrl() {
        return jellyfin.baseUrl().toString();
    }

    @Test
    void generating_regenerating_and_deleting_the_webhook_url() {
        assertThat(browser.get(PAGE).body()).contains("No webhook URL yet.").contains("Generate URL");
        String first = act("/webhook", Map.of());
        String url = app.app.jellyfinLink.webhookUrls().url(app.app.jellyfinLink.links().of(userId).webhookId());
        assertThat(first).contains(app.baseUrl() + "/api/webhook/jellyfin/").contains("Set <code>APPLICATION_URL</code>");
        String firstId = app.app.jellyfinLink.links().of(userId).webhookId();
        assertThat(firstId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        act("/webhook", Map.of());
        assertThat(app.app.jellyfinLink.links().of(userId).webhookId()).isNotEqualTo(firstId);
        assertThat(act("/webhook/delete", Map.of())).contains("No webhook URL yet.");
        assertThat(url).endsWith(firstId);
    }

    @Test
    void the_webhook_url_ignores_forwarded_headers_from_an_address_not_in_trusted_proxies() {
        String id = app.app.jellyfinLink.webhookUrls().regenerate(userId);
        var response = browser.getWithHeaders(PAGE, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "pathary.example.org"));
        assertThat(response.body()).contains(app.baseUrl() + "/api/webhook/jellyfin/" + id).doesNotContain("pathary.example.org");
    }

    @Test
    void testing_the_connection_names_the_server_and_says_why_it_fails() throws Exception {
        assertThat(act("/test", Map.of("serverUrl", serverUrl() + "/"))).contains("Connected to ").contains("(Jellyfin " + jellyfin.version() + ")");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(act("/test", Map.of("serverUrl", "http://127.0.0.1:" + closedPort))).contains("Could not connect: connection refused");
        jellyfin.failNext(1, FakeJellyfin.Fault.HTML_PAGE);
        assertThat(act("/test", Map.of("serverUrl", serverUrl()))).contains("Could not connect: ").contains("does not look like Jellyfin");
        assertThat(act("/test", Map.of("serverUrl", "ftp://example.org"))).contains("must start with http:// or https://");
        assertThat(act("/server", Map.of("serverUrl", serverUrl() + "/?x=1"))).contains("must not have a query");
    }

    @Test
    void authenticating_stores_the_token_sealed_and_removing_it_revokes_it_on_the_server() {
        act("/server", Map.of("serverUrl", serverUrl() + "/"));
        assertThat(app.app.jellyfinLink.links().of(userId).serverUrl()).isEqualTo(serverUrl());
        String wrong = act("/login", Map.of("username", "alice", "password", "nope"));
        assertThat(wrong).contains("Jellyfin rejected the user name or password.").contains("Not authenticated.");
        String page = act("/login", Map.of("username", "alice", "password", "jf-password"));
        assertThat(page).contains("Authenticated as <strong>alice</strong>").contains("Remove authentication");
        JellyfinLink link = app.app.jellyfinLink.links().of(userId);
        String token = app.app.secrets.decrypt(link.sealedToken());
        assertThat(jellyfin.isTokenValid(token)).isTrue();
        assertThat(link.sealedToken()).doesNotContain(token);
        assertThat(link.jellyfinUserId()).isEqualTo(alice.id());
        String authorization = jellyfin.requests().getLast().header("authorization");
        assertThat(authorization).startsWith("MediaBrowser Client=\"Pathary\"").contains("DeviceId=\"" + app.app.jellyfinIdentity.deviceId() + "\"");
        assertThat(jellyfin.requests()).allSatisfy(r -> assertThat(r.headers()).doesNotContainKeys("x-emby-authorization", "x-emby-token"));
        assertThat(act("/test", Map.of("serverUrl", ""))).contains("your login is valid");

        String removed = act("/logout", Map.of());
        assertThat(removed).contains("revoked on the server").contains("Not authenticated.");
        assertThat(jellyfin.isTokenValid(token)).isFalse();
    }

    @Test
    void a_token_revoked_elsewhere_shows_as_no_longer_valid() {
        app.app.jellyfinLink.login().saveServerUrl(userId, serverUrl());
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
        jellyfin.issueToken(alice, app.app.jellyfinIdentity.deviceId());
        String page = act("/test", Map.of("serverUrl", ""));
        assertThat(page).contains("the stored login is no longer valid").contains("Jellyfin no longer accepts this login");
    }

    @Test
    void a_disabled_account_gets_its_own_message() {
        jellyfin.setDisabled(alice, true);
        act("/server", Map.of("serverUrl", serverUrl()));
        assertThat(act("/login", Map.of("username", "alice", "password", "jf-password")))
                .contains("Jellyfin refused the login: the account is disabled");
    }

    @Test
    void removing_the_login_while_jellyfin_is_down_forgets_it_and_says_the_token_may_still_work() {
        app.app.jellyfinLink.login().saveServerUrl(userId, serverUrl());
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
        String token = app.app.secrets.decrypt(app.app.jellyfinLink.links().of(userId).sealedToken());
        jellyfin.failNext(1, FakeJellyfin.Fault.DROP_CONNECTION);
        String page = act("/logout", Map.of());
        assertThat(page).contains("may still be valid on the server").contains("Not authenticated.");
        assertThat(app.app.jellyfinLink.links().of(userId).sealedToken()).isNull();
        assertThat(jellyfin.isTokenValid(token)).isTrue();
    }

    @Test
    void the_page_shows_the_device_id_generated_once() {
        String deviceId = app.app.jellyfinIdentity.deviceId();
        assertThat(deviceId).startsWith("pathary-");
        assertThat(browser.get(PAGE).body()).contains(deviceId).contains("generated once and kept");
    }
}
