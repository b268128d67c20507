package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route the running server answers, as Javalin lists them, declares one role, and the role holds over real HTTP:
 * anonymous callers are sent to /login (pages) or answered 401 (API, /metrics); a user who is not an admin gets 403 on
 * every admin route, by session and by API token; users and admins reach what their role opens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteRolesHttpTest {
    private static final String ONLY_ADMINS = "Only admins may open this page.";
    private static final String CSRF_FAILED = "The form has expired";
    private TestApp app;
    private WebClient anonymous;
    private WebClient admin;
    private WebClient bob;
    private String bobToken;

    record Route(HandlerType method, String path, Set<RouteRole> roles) {
        Role role() {
            return (Role) roles.iterator().next();
        }

        boolean isApi() {
            return path.startsWith("/api/");
        }

        /** The path with a plausible value in each parameter: the caller's own name, a numeric id nothing has. */
        String example(String userName) {
            return path.replace("{name}", userName).replaceAll("\\{[^}]+}", "999999");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void start() throws Exception {
        app = TestApp.start(TestDatabases.freshSqlite());
        admin = app.client();
        admin.setUpAdmin("root", "root@example.org", "password1");
        admin.submit("/admin/users", "/admin/users", Map.of("email", "bob@example.org", "password", "password1", "name", "bob"));
        bob = app.client();
        assertThat(bob.logIn("bob", "password1").headers().firstValue("Location")).hasValue("/");
        bobToken = new ObjectMapper().readTree(app.client().json("POST", "/api/auth/token",
                "{\"name\":\"bob\",\"password\":\"password1\"}").body()).path("token").asText();
        anonymous = app.client();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Every HTTP route of the running server, straight from Javalin's router (not from our own bookkeeping). */
    private List<Route> routes() {
        return app.server.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> {
                    Roles roles = endpoint.metadata(Roles.class);
                    return new Route(endpoint.method, endpoint.path, roles == null ? Set.of() : roles.getRoles());
                })
                .toList();
    }

    private List<Route> routes(Role role) {
        return routes().stream().filter(route -> route.role() == role).toList();
    }

    private static Map<String, String> csrfOf(WebClient client, String page) {
        return Map.of("X-CSRF-Token", WebClient.csrfFrom(client.get(page).body()));
    }

    private static boolean sentToLogin(HttpResponse<String> answer) {
        return answer.statusCode() / 100 == 3 && answer.headers().firstValue("Location").orElse("").startsWith("/login");
    }

    @Test
    void every_route_declares_exactly_one_role() {
        List<Route> routes = routes();

        assertThat(routes).as("Javalin lists the server's routes").extracting(Route::toString)
                .contains("GET /history", "GET /admin/users", "POST /api/webhook/jellyfin/{id}", "GET /metrics", "GET /health",
                        "POST /api/auth/token", "POST /api/cleanup/plans/{id}/execute", "DELETE /api/users/{name}/history/movies");
        assertThat(routes).allSatisfy(route -> assertThat(route.roles()).as(route.toString())
                .hasSize(1).allMatch(Role.class::isInstance));
    }

    @Test
    void the_routes_open_without_a_login_are_exactly_the_login_the_first_run_the_token_exchange_the_api_contract_and_the_machine_endpoints() {
        assertThat(routes()).filteredOn(route -> route.role() != Role.USER && route.role() != Role.ADMIN)
                .extracting(route -> route + " " + route.role())
                .containsExactlyInAnyOrder("GET /setup ANONYMOUS", "POST /setup ANONYMOUS", "GET /login ANONYMOUS",
                        "POST /login ANONYMOUS", "POST /api/auth/token ANONYMOUS", "GET /api/openapi.json ANONYMOUS",
                        "GET /docs/api ANONYMOUS", "GET /health MACHINE",
                        "GET /health/live MACHINE", "GET /health/ready MACHINE",
                        "POST /api/webhook/jellyfin/{id} MACHINE", "GET /metrics SCRAPER",
                        "GET /favicon.ico MACHINE", "GET /manifest.webmanifest MACHINE");
    }

    @Test
    void every_server_wide_route_is_for_admins() {
        // the leaving-soon schedule is the one cleanup read every user has: the household sees what leaves when
        assertThat(routes()).filteredOn(route -> route.role() == Role.USER).extracting(Route::toString).contains("GET /api/cleanup/leaving");
        assertThat(routes()).filteredOn(route -> route.path().startsWith("/admin") || route.path().startsWith("/settings/server")
                        || route.path().startsWith("/api/cleanup") && !route.path().equals("/api/cleanup/leaving"))
                .isNotEmpty()
                .allSatisfy(route -> assertThat(route.role()).as(route.toString()).isEqualTo(Role.ADMIN));
    }

    @Test
    void anonymous_callers_are_sent_to_login_or_answered_401_on_every_route_that_needs_a_login() {
        var softly = new SoftAssertions();
        for (Route route : routes()) {
            HttpResponse<String> answer = anonymous.call(route.method().name(), route.example("bob"), Map.of());
            switch (route.role()) {
                case USER, ADMIN -> {
                    if (route.isApi()) {
                        softly.assertThat(answer.statusCode()).as(route.toString()).isEqualTo(401);
                    } else {
                        softly.assertThat(sentToLogin(answer)).as(route + " answered " + answer.statusCode() + " "
                                + answer.headers().firstValue("Location").orElse("")).isTrue();
                    }
                }
                case SCRAPER -> softly.assertThat(answer.statusCode()).as(route.toString()).isEqualTo(401);
                case ANONYMOUS, MACHINE -> softly.assertThat(answer.statusCode() == 401 || sentToLogin(answer))
                        .as(route + " is open to anonymous callers, answered " + answer.statusCode()).isFalse();
            }
        }
        softly.assertAll();
    }

    @Test
    void a_user_who_is_not_an_admin_gets_403_on_every_admin_route_by_session_and_by_api_token() {
        Map<String, String> csrf = csrfOf(bob, "/account");
        List<Route> adminRoutes = routes(Role.ADMIN);
        assertThat(adminRoutes).extracting(Route::toString).contains("GET /admin/users", "GET /api/cleanup/plan",
                "POST /settings/server/cleanup/instances", "GET /admin/jobs");
        var softly = new SoftAssertions();
        for (Route route : adminRoutes) {
            HttpResponse<String> bySession = bob.call(route.method().name(), route.example("bob"), csrf);
            softly.assertThat(bySession.statusCode()).as(route + " by session").isEqualTo(403);
            softly.assertThat(bySession.body()).as(route + " by session").contains(ONLY_ADMINS);
            if (route.isApi()) {
                HttpResponse<String> byToken = app.client().withBearer(bobToken).call(route.method().name(), route.example("bob"), Map.of());
                softly.assertThat(byToken.statusCode()).as(route + " by token").isEqualTo(403);
                softly.assertThat(byToken.body()).as(route + " by token").contains(ONLY_ADMINS);
            }
        }
        softly.assertAll();
    }

    @Test
    void an_admin_passes_the_access_check_of_every_admin_route() {
        Map<String, String> csrf = csrfOf(admin, "/account");
        var softly = new SoftAssertions();
        for (Route route : routes(Role.ADMIN)) {
            HttpResponse<String> answer = admin.call(route.method().name(), route.example("root"), csrf);
            softly.assertThat(answer.statusCode() == 401 || sentToLogin(answer)).as(route + " answered " + answer.statusCode()).isFalse();
            softly.assertThat(answer.body()).as(route.toString()).doesNotContain(ONLY_ADMINS).doesNotContain(CSRF_FAILED);
        }
        softly.assertAll();
    }

    @Test
    void a_user_passes_the_access_check_of_every_user_route() {
        WebClient carol = app.client();
        admin.submit("/admin/users", "/admin/users", Map.of("email", "carol@example.org", "password", "password1", "name", "carol"));
        carol.logIn("carol", "password1");
        Map<String, String> csrf = csrfOf(carol, "/account");
        Route logout = new Route(HandlerType.POST, "/logout", Set.of(Role.USER));
        List<Route> userRoutes = routes(Role.USER);
        assertThat(userRoutes).contains(logout);
        var softly = new SoftAssertions();
        for (Route route : userRoutes) {
            if (!route.equals(logout)) {
                HttpResponse<String> answer = carol.call(route.method().name(), route.example("carol"), csrf);
                softly.assertThat(answer.statusCode() == 401 || sentToLogin(answer)).as(route + " answered " + answer.statusCode()).isFalse();
                softly.assertThat(answer.body()).as(route.toString()).doesNotContain(ONLY_ADMINS).doesNotContain(CSRF_FAILED);
            }
        }
        softly.assertAll();
        // Logging out leads to /login whoever asks; only the ended session shows that the filter let it through.
        carol.call("POST", "/logout", csrf);
        assertThat(sentToLogin(carol.get("/account"))).as("the session ended").isTrue();
    }

    @Test
    void a_path_no_route_matches_is_404_for_everyone_not_a_login_prompt() {
        for (WebClient caller : List.of(anonymous, bob)) {
            assertThat(caller.get("/no/such/page").statusCode()).isEqualTo(404);
            assertThat(caller.get("/api/no/such/thing").statusCode()).isEqualTo(404);
            assertThat(caller.call("PUT", "/admin/users", Map.of()).statusCode()).as("a method the route does not take").isEqualTo(404);
        }
        assertThat(anonymous.get("/api/no/such/thing").body()).startsWith("{\"error\":");
    }
}
