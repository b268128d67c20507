package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import io.javalin.http.HandlerType;
import io.javalin.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pathary under {@code BASE_PATH=/pathary}, as a reverse proxy that forwards {@code /pathary/...} unchanged shows it:
 * every page route answers under the base path, and every link, form, htmx URL, asset and redirect on every page
 * reachable from them stays under it and leads somewhere (nothing escapes to the root, nothing is a 404).
 */
@BothDialects
class BasePathHttpTest {
    private static final String BASE = "/pathary";
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s(href|src|action|formaction|hx-get|hx-post|hx-put|hx-delete|hx-patch)=\"([^\"]*)\"");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>");
    private TestApp server;
    private WebClient admin;
    private String moviePage;

    @BeforeEach
    void start(Dialect dialect) {
        server = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("BASE_PATH", BASE));
        admin = server.client();
        HttpResponse<String> setUp = admin.setUpAdmin("root", "root@example.org", "password1");
        assertThat(setUp.headers().firstValue("Location")).hasValue(BASE + "/");
        HttpResponse<String> added = admin.submit("/add", "/add", Map.of("title", "Arrival", "tmdbId", "329865", "watchedAt", "2024-03-09"));
        moviePage = added.headers().firstValue("Location").orElseThrow();
        // A show and an episode with the movie's id too, for /shows/{id} and /episodes/{id}.
        long rootId = server.app.users.accounts().byName("root").id();
        server.app.history.episodes().apply(rootId, new app.pathary.history.EpisodeCommand.AddPlays(
                new app.pathary.history.EpisodeRef.CreateIfMissing(new app.pathary.show.NewShow(new app.pathary.show.ShowIds(280619, 63639, null),
                        "The Expanse", 2015), new app.pathary.show.NewEpisode(2, 3, null, "Static")), java.time.LocalDate.of(2024, 3, 9), 1, null),
                app.pathary.history.HistoryChange.Source.API);
        assertThat(moviePage).startsWith(BASE + "/movies/");
        // A job with the same id as the movie, so /jobs/{id}/progress has something to show (the routes' {id} is the movie's).
        HttpResponse<String> job = admin.submit("/admin/cleanup/watched", "/admin/cleanup/watched/refresh", Map.of());
        assertThat(job.headers().firstValue("Location")).hasValue(BASE + "/admin/cleanup/watched?job="
                + moviePage.substring((BASE + "/movies/").length()));
        // A staged history import with that id too, so its preview (/account/imports/{id}) has something to show.
        HttpResponse<String> staged = admin.upload("/account", "/account/imports", "file", "seed.csv",
                "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,,The Matrix,1999,2024-03-09,1,\n");
        assertThat(staged.headers().firstValue("Location")).hasValue(BASE + "/account/imports/"
                + moviePage.substring((BASE + "/movies/").length()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_link_form_asset_and_redirect_of_every_page_stays_under_the_base_path_and_leads_somewhere() {
        Deque<String> toVisit = new ArrayDeque<>(pageRoutes());
        Set<String> seen = new LinkedHashSet<>();
        Set<String> posts = new LinkedHashSet<>();
        SoftAssertions softly = new SoftAssertions();
        while (!toVisit.isEmpty()) {
            String url = toVisit.poll();
            if (!seen.add(url)) {
                continue;
            }
            HttpResponse<String> response = admin.get(url.substring(BASE.length()));
            int status = response.statusCode();
            softly.assertThat(status).as("GET %s", url).isIn(200, 302, 303);
            if (status == 302 || status == 303) {
                String location = response.headers().firstValue("Location").orElse("");
                softly.assertThat(location).as("redirect of %s", url).startsWith(BASE + "/");
                if (location.startsWith(BASE + "/")) {
                    toVisit.add(location);
                }
                continue;
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/html")) {
                continue;
            }
            String html = response.body();
            Matcher attribute = ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                String name = attribute.group(1);
                String value = unescape(attribute.group(2));
                if (value.startsWith("#") || value.isEmpty() || value.startsWith("https://www.themoviedb.org/")
                        || value.startsWith("https://thetvdb.com/")) {
                    continue;
                }
                String target = resolve(url, value);
                softly.assertThat(target).as("%s=\"%s\" on %s", name, value, url).startsWith(BASE + "/");
                if (!target.startsWith(BASE + "/")) {
                    continue;
                }
                boolean writes = name.equals("hx-post") || name.equals("hx-put") || name.equals("hx-delete") || name.equals("hx-patch")
                        || (name.equals("action") || name.equals("formaction")) && !isGetForm(html, attribute.start());
                if (writes) {
                    posts.add(target);
                } else {
                    toVisit.add(target);
                }
            }
        }
        for (String action : posts) {
            // No CSRF token: a route that exists refuses the form (403); one that does not would be a 404.
            HttpResponse<String> response = admin.post(action.substring(BASE.length()), Map.of());
            softly.assertThat(response.statusCode()).as("POST %s (without its CSRF token)", action).isEqualTo(403);
        }
        softly.assertAll();
        assertThat(seen).as("pages, fragments and assets visited")
                .contains(BASE + "/history", moviePage, BASE + "/admin/cleanup", BASE + "/static/app.css")
                .anyMatch(url -> url.startsWith(BASE + "/webjars/htmx.org/"));
        assertThat(posts).contains(BASE + "/logout", BASE + "/add");
    }

    @Test
    void nothing_answers_outside_the_base_path() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/history", "/login", "/static/app.css", "/health", "/api/auth/token")) {
            var response = http.send(HttpRequest.newBuilder(URI.create(server.origin() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s without the base path", path).isEqualTo(404);
        }
        var health = http.send(HttpRequest.newBuilder(URI.create(server.origin() + BASE + "/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void cookies_are_scoped_to_the_base_path_and_logging_in_returns_to_the_page_asked_for() {
        WebClient visitor = server.client();
        HttpResponse<String> asked = visitor.get("/admin/jobs");
        assertThat(asked.headers().firstValue("Location")).hasValue(BASE + "/login?next=%2Fadmin%2Fjobs");
        assertThat(admin.cookie("pathary_session").getPath()).isEqualTo(BASE);
        String form = visitor.get("/login?next=%2Fadmin%2Fjobs").body();
        assertThat(form).contains("name=\"next\" value=\"/admin/jobs\"");
        HttpResponse<String> loggedIn = visitor.submit("/login?next=%2Fadmin%2Fjobs", "/login",
                Map.of("login", "root", "password", "password1", "next", "/admin/jobs"));
        assertThat(loggedIn.headers().firstValue("Location")).hasValue(BASE + "/admin/jobs");
        assertThat(visitor.cookie("pathary_session").getPath()).isEqualTo(BASE);
    }

    @Test
    void the_webhook_url_to_paste_into_jellyfin_carries_the_base_path_and_answers_there() {
        admin.submit("/settings/integrations/jellyfin", "/settings/integrations/jellyfin/webhook", Map.of());
        String page = admin.get("/settings/integrations/jellyfin").body();
        Matcher shown = Pattern.compile(Pattern.quote(server.baseUrl()) + "/api/webhook/jellyfin/[0-9a-f-]{36}").matcher(page);
        assertThat(shown.find()).as("the page shows %s/api/webhook/jellyfin/<id>", server.baseUrl()).isTrue();
        HttpResponse<String> delivery = admin.json("POST", shown.group().substring(server.baseUrl().length()), "{}");
        assertThat(delivery.statusCode()).as("the webhook answers at the URL shown (a payload without fields is refused, not lost)")
                .isBetween(200, 499).isNotEqualTo(404);
    }

    /** Every GET page route (not the API, probes or metrics), with the movie's id in {@code /movies/{id}}. */
    private List<String> pageRoutes() {
        return server.server.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method == HandlerType.GET)
                .filter(endpoint -> {
                    Roles roles = endpoint.metadata(Roles.class);
                    Object role = roles.getRoles().iterator().next();
                    return role == Role.USER || role == Role.ADMIN || role == Role.ANONYMOUS;
                })
                .map(endpoint -> endpoint.path)
                .filter(path -> !path.startsWith("/api/"))
                // An *arr instance's pages exist only for a stored instance (this test stores none): links lead there when one does.
                .filter(path -> !path.startsWith("/settings/server/cleanup/instances/{id}"))
                .map(path -> BASE + path.replace("{id}", moviePage.substring((BASE + "/movies/").length()))
                        .replace("{kind}", "movie").replace("{year}", "2025"))
                .toList();
    }

    private static boolean isGetForm(String html, int attributeAt) {
        int formStart = html.lastIndexOf("<form", attributeAt);
        if (formStart < 0) {
            return false;
        }
        Matcher form = FORM.matcher(html);
        return form.find(formStart) && form.group(1).toLowerCase().contains("method=\"get\"");
    }

    /** The absolute path the browser would request, query included. */
    private String resolve(String pageUrl, String value) {
        URI page = URI.create(server.origin() + pageUrl);
        URI target = page.resolve(value);
        if (target.getHost() != null && !(target.getScheme() + "://" + target.getRawAuthority()).equals(server.origin())) {
            return target.toString();
        }
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&").replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }
}
