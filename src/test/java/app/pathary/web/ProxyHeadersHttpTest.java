package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code TRUSTED_PROXIES}: the test client connects from 127.0.0.1, a trusted proxy when the list holds it and an
 * untrusted client when it does not. Forwarding headers from an untrusted address change nothing: not the address a
 * login lockout counts against, not the Secure flag of cookies, not the webhook URL, not the request id.
 */
@BothDialects
class ProxyHeadersHttpTest {
    private static final String JELLYFIN_PAGE = "/settings/integrations/jellyfin";
    private TestApp server;

    private TestApp start(Dialect dialect, String trustedProxies) {
        server = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("TRUSTED_PROXIES", trustedProxies));
        server.client().setUpAdmin("root", "root@example.org", "password1");
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> logIn(WebClient client, String password, Map<String, String> headers) {
        String csrf = WebClient.csrfFrom(client.get("/login").body());
        return client.postWithHeaders("/login", Map.of("login", "root", "password", password, "_csrf", csrf), headers);
    }

    private static void failFiveTimes(WebClient client, String... forwardedFor) {
        for (int i = 0; i < 5; i++) {
            String chain = forwardedFor[i % forwardedFor.length];
            assertThat(logIn(client, "wrong", Map.of("X-Forwarded-For", chain)).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void behind_a_trusted_proxy_the_lockout_counts_per_real_client_and_others_still_log_in(Dialect dialect) {
        start(dialect, "127.0.0.1/32, ::1");
        WebClient attacker = server.client();
        failFiveTimes(attacker, "203.0.113.9");

        HttpResponse<String> locked = logIn(attacker, "password1", Map.of("X-Forwarded-For", "203.0.113.9"));
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("Too many failed logins from this address");
        assertThat(logIn(server.client(), "password1", Map.of("X-Forwarded-For", "198.51.100.7")).statusCode())
                .as("another household member behind the same proxy").isEqualTo(302);
    }

    @Test
    void addresses_the_client_wrote_left_of_the_proxy_s_own_entry_are_ignored(Dialect dialect) {
        start(dialect, "127.0.0.1, 10.0.0.0/8");
        // The client at 203.0.113.9 sends a made-up X-Forwarded-For each time; the proxy appends the real address,
        // and a second trusted proxy (10.1.2.3) appends the first proxy's.
        failFiveTimes(server.client(), "1.1.1.1, 203.0.113.9", "2.2.2.2, 203.0.113.9, 10.1.2.3", "203.0.113.9",
                "garbage, 203.0.113.9", "::1, 203.0.113.9, 10.9.9.9");
        HttpResponse<String> locked = logIn(server.client(), "password1", Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.9"));
        assertThat(locked.body()).contains("Too many failed logins from this address");
        assertThat(logIn(server.client(), "password1", Map.of("X-Forwarded-For", "203.0.113.9, 198.51.100.1")).statusCode())
                .as("the right-most untrusted address is the client: here 198.51.100.1").isEqualTo(302);
    }

    @Test
    void from_an_untrusted_address_a_made_up_forwarded_for_does_not_escape_the_lockout(Dialect dialect) {
        start(dialect, "10.0.0.0/8");
        WebClient attacker = server.client();
        failFiveTimes(attacker, "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5");
        HttpResponse<String> locked = logIn(attacker, "password1", Map.of("X-Forwarded-For", "198.51.100.200"));
        assertThat(locked.body()).as("every attempt counted against 127.0.0.1, the real peer")
                .contains("Too many failed logins from this address");
    }

    @Test
    void secure_cookies_follow_the_forwarded_proto_of_a_trusted_proxy_only(Dialect dialect) {
        start(dialect, "127.0.0.1");
        WebClient viaTls = server.client();
        logIn(viaTls, "password1", Map.of("X-Forwarded-Proto", "https"));
        assertThat(viaTls.cookie("pathary_session").getSecure()).isTrue();
        server.close();

        start(dialect, "10.0.0.0/8");
        WebClient spoofing = server.client();
        logIn(spoofing, "password1", Map.of("X-Forwarded-Proto", "https"));
        assertThat(spoofing.cookie("pathary_session").getSecure()).as("X-Forwarded-Proto from an untrusted address").isFalse();
    }

    @Test
    void the_webhook_url_shown_uses_the_host_and_scheme_a_trusted_proxy_forwards(Dialect dialect) {
        start(dialect, "127.0.0.1");
        WebClient admin = server.client();
        logIn(admin, "password1", Map.of());
        admin.submit(JELLYFIN_PAGE, JELLYFIN_PAGE + "/webhook", Map.of());
        String page = admin.getWithHeaders(JELLYFIN_PAGE, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "media.example.org"))
                .body();
        assertThat(page).contains("https://media.example.org/api/webhook/jellyfin/");
        server.close();

        start(dialect, "10.0.0.0/8");
        WebClient other = server.client();
        logIn(other, "password1", Map.of());
        other.submit(JELLYFIN_PAGE, JELLYFIN_PAGE + "/webhook", Map.of());
        String spoofed = other.getWithHeaders(JELLYFIN_PAGE, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example.org"))
                .body();
        assertThat(spoofed).doesNotContain("evil.example.org").contains(server.baseUrl() + "/api/webhook/jellyfin/");
    }

    @Test
    void a_request_id_is_taken_from_a_trusted_proxy_and_made_up_for_anyone_else(Dialect dialect) {
        start(dialect, "127.0.0.1");
        var trusted = server.client().getWithHeaders("/login", Map.of("X-Request-Id", "proxy-7f3a"));
        assertThat(trusted.headers().firstValue("X-Request-Id")).hasValue("proxy-7f3a");
        var fresh = server.client().get("/login");
        assertThat(fresh.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
        server.close();

        start(dialect, "10.0.0.0/8");
        var untrusted = server.client().getWithHeaders("/login", Map.of("X-Request-Id", "forged"));
        assertThat(untrusted.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }
}
