package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web front door, route by route: every GET route the server answers (as Javalin lists them) carries the security
 * headers, for an admin, a user and an anonymous caller; every HTML page passes the Content-Security-Policy as written
 * (no inline script, no inline event handler, no style attribute); answers that show a secret are {@code no-store};
 * after a login the browser only ever goes to a path on this server, whatever {@code next} says.
 */
@BothDialects
class FrontDoorHttpTest {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("(href|action|src)\\s*=\\s*\"\\s*javascript:", Pattern.CASE_INSENSITIVE);
    private TestApp app;
    private WebClient admin;
    private WebClient bob;
    private WebClient anonymous;
    private long movieId;

    @BeforeEach
    void start(Dialect dialect) throws Exception {
        app = TestApp.start(TestDatabases.fresh(dialect));
        admin = app.client();
        admin.setUpAdmin("root", "root@example.org", "password1");
        admin.submit("/admin/users", "/admin/users", Map.of("email", "bob@example.org", "password", "password1", "name", "bob"));
        bob = app.client();
        bob.logIn("bob", "password1");
        anonymous = app.client();
        String token = new ObjectMapper().readTree(app.client().json("POST", "/api/auth/token",
                "{\"name\":\"root\",\"password\":\"password1\"}").body()).path("token").asText();
        app.client().withBearer(token).json("POST", "/api/users/root/history/movies",
                "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-03\"}]");
        Matcher movie = Pattern.compile("/movies/(\\d+)").matcher(admin.get("/history").body());
        assertThat(movie.find()).as("the history links its movie").isTrue();
        movieId = Long.parseLong(movie.group(1));
        admin.submit("/settings/integrations/jellyfin", "/settings/integrations/jellyfin/webhook", Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Every GET route of the running server, its parameters filled with something that exists where it can. */
    private List<String> getRoutes() {
        return app.server.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method == HandlerType.GET)
                .map(endpoint -> endpoint.path.replace("/movies/{id}", "/movies/" + movieId)
                        .replace("{name}", "root").replaceAll("\\{[^}]+}", "999999"))
                .toList();
    }

    private static void assertSecurityHeaders(SoftAssertions softly, HttpResponse<String> answer, String what) {
        var headers = answer.headers();
        softly.assertThat(headers.firstValue("Content-Security-Policy")).as(what + " CSP").hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        softly.assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'").contains("script-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        softly.assertThat(headers.firstValue("X-Frame-Options")).as(what + " X-Frame-Options").hasValue("DENY");
        softly.assertThat(headers.firstValue("X-Content-Type-Options")).as(what + " nosniff").hasValue("nosniff");
        softly.assertThat(headers.firstValue("Referrer-Policy")).as(what + " Referrer-Policy").hasValue("same-origin");
    }

    private static void assertPassesCsp(SoftAssertions softly, HttpResponse<String> answer, String what) {
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            return;
        }
        String html = answer.body();
        softly.assertThat(INLINE_SCRIPT.matcher(html).find()).as(what + " has an inline <script>").isFalse();
        softly.assertThat(EVENT_HANDLER.matcher(html).find()).as(what + " has an inline event handler").isFalse();
        softly.assertThat(STYLE_ATTRIBUTE.matcher(html).find()).as(what + " has a style attribute").isFalse();
        softly.assertThat(JAVASCRIPT_URL.matcher(html).find()).as(what + " has a javascript: URL").isFalse();
    }

    @Test
    void every_get_route_answers_every_kind_of_caller_with_the_security_headers_and_pages_that_pass_the_csp() {
        List<String> routes = getRoutes();
        assertThat(routes).contains("/history", "/account", "/admin/users", "/settings/integrations/jellyfin", "/login",
                "/movies/" + movieId, "/api/auth/token", "/health");
        var softly = new SoftAssertions();
        int pagesSeen = 0;
        for (String path : routes) {
            for (var caller : Map.of("admin", admin, "bob", bob, "anonymous", anonymous).entrySet()) {
                HttpResponse<String> answer = caller.getValue().get(path);
                String what = "GET " + path + " as " + caller.getKey() + " (" + answer.statusCode() + ")";
                assertSecurityHeaders(softly, answer, what);
                assertPassesCsp(softly, answer, what);
                softly.assertThat(answer.headers().firstValue("Cache-Control")).as(what + " Cache-Control").isPresent();
                if (answer.statusCode() == 200 && answer.body().contains("<html")) {
                    pagesSeen++;
                }
            }
        }
        softly.assertAll();
        assertThat(pagesSeen).as("pages actually rendered, not only redirects").isGreaterThan(15);
    }

    @Test
    void error_answers_static_files_and_webjars_carry_the_headers_too() {
        var softly = new SoftAssertions();
        for (String path : List.of("/no/such/page", "/api/no/such/thing", "/static/app.js", "/static/app.css",
                "/webjars/htmx.org/2.0.8/dist/htmx.min.js")) {
            HttpResponse<String> answer = admin.get(path);
            assertSecurityHeaders(softly, answer, "GET " + path + " (" + answer.statusCode() + ")");
        }
        softly.assertAll();
        assertThat(admin.get("/static/app.js").statusCode()).isEqualTo(200);
        assertThat(admin.get("/static/app.js").headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }

    @Test
    void answers_that_show_a_secret_are_never_stored_and_the_others_only_revalidated() throws Exception {
        HttpResponse<String> newToken = admin.submit("/account", "/account/tokens", Map.of("name", "phone"));
        assertThat(newToken.body()).contains("id=\"new-token\"");
        assertThat(newToken.headers().firstValue("Cache-Control")).as("the page with a new API token").hasValue("no-store");

        HttpResponse<String> webhookPage = admin.get("/settings/integrations/jellyfin");
        assertThat(webhookPage.body()).contains("/api/webhook/jellyfin/");
        assertThat(webhookPage.headers().firstValue("Cache-Control")).as("the page with the webhook URL").hasValue("no-store");

        HttpResponse<String> apiToken = app.client().json("POST", "/api/auth/token", "{\"name\":\"bob\",\"password\":\"password1\"}");
        assertThat(new ObjectMapper().readTree(apiToken.body()).path("token").asText()).isNotEmpty();
        assertThat(apiToken.headers().firstValue("Cache-Control")).as("the API answer with a new token").hasValue("no-store");

        assertThat(admin.get("/account").headers().firstValue("Cache-Control")).as("the account page without a new token")
                .hasValue("private, no-cache");
        assertThat(admin.get("/history").headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    }

    /** Known ways to smuggle another site into a "local" redirect; each must lead home. */
    static final List<String> BYPASSES = SafeRedirectTest.BYPASSES;

    @Test
    void after_a_login_every_known_bypass_of_next_leads_home_and_a_real_path_is_kept() {
        var softly = new SoftAssertions();
        for (String next : BYPASSES) {
            WebClient visitor = app.client();
            HttpResponse<String> answer = visitor.submit("/login", "/login", Map.of("login", "bob", "password", "password1", "next", next));
            softly.assertThat(answer.statusCode()).as("next=" + printable(next)).isEqualTo(302);
            softly.assertThat(answer.headers().firstValue("Location")).as("next=" + printable(next)).hasValue("/");
        }
        softly.assertAll();

        for (String next : List.of("/history?q=matrix&page=2", "/movies/" + movieId, "/settings/integrations/jellyfin")) {
            WebClient visitor = app.client();
            HttpResponse<String> answer = visitor.submit("/login", "/login", Map.of("login", "bob", "password", "password1", "next", next));
            assertThat(answer.headers().firstValue("Location")).as("next=" + next).hasValue(next);
        }
    }

    @Test
    void an_anonymous_visit_comes_back_to_the_page_and_query_it_asked_for() {
        WebClient visitor = app.client();
        HttpResponse<String> sent = visitor.get("/history?q=matrix");
        String expected = "/login?next=" + URLEncoder.encode("/history?q=matrix", StandardCharsets.UTF_8);
        assertThat(sent.headers().firstValue("Location")).hasValue(expected);
        String form = visitor.get(expected).body();
        assertThat(form).contains("name=\"next\" value=\"/history?q=matrix\"");
        HttpResponse<String> answer = visitor.submit(expected, "/login", Map.of("login", "bob", "password", "password1", "next", "/history?q=matrix"));
        assertThat(answer.headers().firstValue("Location")).hasValue("/history?q=matrix");
    }

    @Test
    void a_logged_in_visit_to_the_login_page_goes_to_next_only_when_it_is_local() {
        assertThat(bob.get("/login?next=%2Fadd").headers().firstValue("Location")).hasValue("/add");
        assertThat(bob.get("/login?next=%2F%5Cevil.example").headers().firstValue("Location")).hasValue("/");
        assertThat(bob.get("/login?next=https%3A%2F%2Fevil.example").headers().firstValue("Location")).hasValue("/");
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }
}
