package app.pathary.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import static app.pathary.testing.ContractExchanges.bearer;
import static app.pathary.testing.ContractExchanges.conforms;
import static app.pathary.testing.ContractExchanges.refused;
import static app.pathary.testing.ContractExchanges.refusedValid;
import static app.pathary.testing.ContractExchanges.session;

import app.pathary.testing.BothDialects;
import app.pathary.testing.ContractExchanges;
import app.pathary.testing.ContractExchanges.Exchange;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.OpenApiContract;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The JSON API keeps its OpenAPI 3.1 contract: the document served at /api/openapi.json is valid OpenAPI 3.1 whose
 * examples fit their schemas, it lists exactly the /api/ routes the server registers (with their roles), and every
 * documented operation, driven over HTTP to each answer it documents, is called and answered as the document says.
 */
@BothDialects
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiContractHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeJellyfin jellyfin;
    private static FakeRadarr radarr;
    private static TestApp app;
    private static OpenApiContract contract;
    private static ContractExchanges api;
    private static WebClient rootSession;
    private static String rootToken;
    private static String bobToken;
    private static String webhookId;
    private static FakeUser alice;
    private static FakeItem heat;

    private static Dialect running;

    /**
     * Once per dialect (the methods of one run share a server, in order): a Pathary with Jellyfin and Radarr (fakes over
     * HTTP), an admin, two users and a webhook.
     */
    @BeforeEach
    void startOnce(Dialect dialect) throws Exception {
        if (dialect != running) {
            stop();
            start(dialect);
            running = dialect;
        }
    }

    private static void start(Dialect dialect) throws Exception {
        jellyfin = FakeJellyfin.start();
        radarr = FakeRadarr.start();
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        alice = jellyfin.addAdmin("alice", "pw");
        heat = jellyfin.addMovie("Heat", 1995).tmdb("949").imdb("tt0113277").path("/media/movies/Heat (1995)/Heat.mkv");
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7_000_000_000L);
        Map<String, String> env = new HashMap<>(Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey(),
                "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(), "RADARR_API_KEY", radarr.apiKey(),
                "RADARR_PATH_MAP", "/media/movies:/movies", "CLEANUP_MAX_DELETE_PERCENT", "100", "TIMEZONE", "Europe/Paris"));
        radarr.addDisk("/movies", 2_000_000_000_000L, 8_000_000_000_000L);
        env.put("CLEANUP_DISK_THRESHOLD", "95%");
        env.put("CLEANUP_DISK_TARGET", "90%");
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), env);
        var accounts = app.app.users.accounts();
        long rootId = accounts.create("root@example.org", "password1", "root", true).id();
        long bobId = accounts.create("bob@example.org", "password1", "bob", false).id();
        accounts.create("carol@example.org", "password1", "carol", false);
        rootSession = app.client();
        rootSession.logIn("root", "password1");
        rootToken = app.app.users.tokens().create(rootId, "contract");
        bobToken = app.app.users.tokens().create(bobId, "contract");
        webhookId = app.app.jellyfinLink.webhookUrls().regenerate(bobId);
        contract = new OpenApiContract(JSON.readTree(app.client().get("/api/openapi.json").body()));
        api = new ContractExchanges(app.baseUrl(), contract);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
            jellyfin.close();
            radarr.close();
            app = null;
            running = null;
        }
    }

    private static void awaitJob(String type) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            var jobs = app.app.jobs.repository().list(null, type, null, 1);
            if (!jobs.isEmpty() && jobs.getFirst().finished()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(type + " did not finish");
    }

    // --- the document -----------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void the_served_document_is_valid_openapi_3_1_and_its_server_is_this_one() throws Exception {
        Exchange served = conforms(api.call("GET", "/api/openapi.json", Map.of()), 200);
        assertThat(served.headers().get("content-type")).anySatisfy(type -> assertThat(type).startsWith("application/json"));
        JsonNode document = served.json();
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");

        var metaSchema = com.networknt.schema.SchemaRegistry.withDialect(com.networknt.schema.dialect.Dialects.getDraft202012())
                .getSchema(getClass().getResourceAsStream("/openapi/oas-3.1-schema.json"));
        assertThat(metaSchema.validate(document)).as("the OpenAPI 3.1 schema's verdict").isEmpty();
        assertThat(contract.operations()).allSatisfy(op -> {
            assertThat(contract.node(op.pointer() + "/operationId").asText()).as(op.key()).isNotBlank();
            assertThat(contract.node(op.pointer() + "/summary").asText()).as(op.key()).isNotBlank();
        });
    }

    @Test
    @Order(2)
    void every_example_in_the_document_fits_its_schema() {
        List<String> problems = new java.util.ArrayList<>();
        int[] examples = {0};
        walk(contract.document(), "", (pointer, node) -> {
            if (node.has("schema") && node.has("example")) {
                examples[0]++;
                problems.addAll(contract.validate(pointer + "/schema", node.get("example"), pointer + "/example"));
            }
            if (node.has("schema") && node.path("examples").isObject()) {
                node.get("examples").fields().forEachRemaining(example -> {
                    examples[0]++;
                    problems.addAll(contract.validate(pointer + "/schema", example.getValue().path("value"),
                            pointer + "/examples/" + example.getKey()));
                });
            }
        });
        assertThat(examples[0]).as("examples checked").isGreaterThan(15);
        assertThat(problems).isEmpty();
    }

    private static void walk(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(pointer, node);
            node.fields().forEachRemaining(field -> walk(field.getValue(), pointer + "/" + OpenApiContract.escape(field.getKey()), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visit);
            }
        }
    }

    @Test
    @Order(3)
    void the_document_lists_exactly_the_api_routes_the_server_registers_with_their_roles() {
        Map<String, String> registered = new java.util.TreeMap<>();
        app.server.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod() && endpoint.method != HandlerType.HEAD && endpoint.path.startsWith("/api/"))
                .forEach(endpoint -> {
                    var roles = endpoint.metadata(io.javalin.security.Roles.class);
                    registered.put(endpoint.method.name() + " " + endpoint.path,
                            roles == null ? "" : roles.getRoles().stream().map(RouteRole::toString).findFirst().orElse(""));
                });
        Map<String, String> documented = new java.util.TreeMap<>();
        contract.operations().forEach(op -> documented.put(op.key(), contract.node(op.pointer() + "/x-pathary-role").asText()));

        assertThat(registered).as("Javalin lists the API routes").containsKeys("POST /api/auth/token", "GET /api/cleanup/plan");
        assertThat(documented.keySet()).as("documented operations that no route answers").isSubsetOf(registered.keySet());
        assertThat(registered.keySet()).as("API routes the document lacks").isSubsetOf(documented.keySet());
        assertThat(documented).as("the role each operation states is the route's").isEqualTo(registered);
    }

    // --- auth ------------------------------------------------------------------------------------------------------

    @Test
    @Order(10)
    void tokens_are_exchanged_for_a_password_shown_and_revoked() {
        Exchange byName = conforms(api.json("POST", "/api/auth/token", Map.of(), "{\"name\":\"bob\",\"password\":\"password1\",\"tokenName\":\"phone\"}"), 200);
        assertThat(byName.json().at("/user/name").asText()).isEqualTo("bob");
        String token = byName.json().path("token").asText();
        conforms(api.json("POST", "/api/auth/token", Map.of(), "{\"email\":\"bob@example.org\",\"password\":\"password1\"}"), 200);
        refused(api.json("POST", "/api/auth/token", Map.of(), "{\"name\":\"bob\"}"), 400, "password");
        refused(api.json("POST", "/api/auth/token", Map.of(), "{\"name\":"), 400, "not valid JSON");
        refusedValid(api.json("POST", "/api/auth/token", Map.of(), "{\"name\":\"bob\",\"password\":\"wrong-one\"}"), 401, "Wrong name");

        Exchange me = conforms(api.call("GET", "/api/auth/token", bearer(token)), 200);
        assertThat(me.json().at("/user/isAdmin").asBoolean()).isFalse();
        refusedValid(api.call("GET", "/api/auth/token", bearer("not-a-token")), 401, "not valid");
        refusedValid(api.call("GET", "/api/auth/token", Map.of()), 401, "Log in first");

        conforms(api.call("DELETE", "/api/auth/token", bearer(token)), 204);
        refusedValid(api.call("GET", "/api/auth/token", bearer(token)), 401, "not valid");
        refusedValid(api.call("DELETE", "/api/auth/token", Map.of()), 401, "Log in first");
        refusedValid(api.call("DELETE", "/api/auth/token", session(rootSession, false)), 403, "expired");
        refusedValid(api.call("DELETE", "/api/auth/token", session(rootSession, true)), 400, "Give ?id=");
        refusedValid(api.call("DELETE", "/api/auth/token?id=999999", session(rootSession, true)), 404, "999999");
        String spare = app.app.users.tokens().create(app.app.users.accounts().byName("root").id(), "spare");
        long spareId = app.app.users.tokens().list(app.app.users.accounts().byName("root").id()).stream()
                .filter(t -> t.name().equals("spare")).findFirst().orElseThrow().id();
        conforms(api.call("DELETE", "/api/auth/token?id=" + spareId, session(rootSession, true)), 204);
        refusedValid(api.call("GET", "/api/auth/token", bearer(spare)), 401, "not valid");
    }

    @Test
    @Order(11)
    void a_locked_out_login_is_429_with_retry_after_even_with_the_right_password() {
        for (int i = 0; i < 5; i++) {
            refusedValid(api.json("POST", "/api/auth/token", Map.of(), "{\"name\":\"carol\",\"password\":\"guess-" + i + "\"}"), 401, "Wrong name");
        }
        Exchange locked = refusedValid(api.json("POST", "/api/auth/token", Map.of(), "{\"name\":\"carol\",\"password\":\"password1\"}"), 429,
                "Too many failed logins");
        assertThat(Long.parseLong(locked.headers().get("retry-after").getFirst())).isPositive();
    }

    // --- history ---------------------------------------------------------------------------------------------------

    @Test
    @Order(20)
    void a_history_is_written_read_and_deleted_as_documented() {
        String bobs = "/api/users/bob/history/movies";
        conforms(api.json("POST", bobs, bearer(bobToken), """
                [{"tmdbId":603,"title":"The Matrix","year":1999,"imdbId":"tt0133093","watchedAt":"2026-01-04","plays":2,"comment":"with Carol"},
                 {"tmdbId":603,"watchedAt":null}]"""), 204);
        long matrixId = api.call("GET", bobs, bearer(bobToken)).json().at("/history/0/movie/id").asLong();
        conforms(api.json("PUT", bobs, bearer(bobToken), "[{\"movieId\":" + matrixId + ",\"watchedAt\":\"2026-01-02\",\"plays\":1}]"), 204);

        Exchange page = conforms(api.call("GET", bobs + "?page=1&limit=2&sortOrder=asc&search=matrix", bearer(bobToken)), 200);
        assertThat(page.json().path("history")).hasSize(2);
        Exchange played = conforms(api.call("GET", "/api/users/bob/played/movies?limit=5", bearer(bobToken)), 200);
        assertThat(played.json().at("/played/0/watchDates")).hasSize(3);
        conforms(api.call("GET", bobs, bearer(rootToken)), 200);
        conforms(api.call("GET", bobs, session(rootSession, false)), 200);

        conforms(api.json("DELETE", bobs, bearer(bobToken), "[{\"tmdbId\":603,\"watchedAt\":\"2026-01-02\"}]"), 204);
        assertThat(api.call("GET", bobs, bearer(bobToken)).json().path("history")).hasSize(2);
        conforms(api.json("DELETE", bobs, bearer(bobToken), "[{\"movieId\":" + matrixId + "}]"), 204);
        assertThat(api.call("GET", bobs, bearer(bobToken)).json().path("history")).isEmpty();
    }

    @Test
    @Order(21)
    void history_reads_refuse_what_the_document_says_they_refuse() {
        for (String path : List.of("/api/users/bob/history/movies", "/api/users/bob/played/movies")) {
            refused(api.call("GET", path + "?limit=0", bearer(bobToken)), 400, "limit");
            refused(api.call("GET", path + "?page=first", bearer(bobToken)), 400, "page");
            refusedValid(api.call("GET", path, Map.of()), 401, "Log in first");
            refusedValid(api.call("GET", path.replace("bob", "root"), bearer(bobToken)), 403, "Only the user and admins");
            refusedValid(api.call("GET", path.replace("bob", "nobody"), bearer(bobToken)), 404, "nobody");
        }
        refused(api.call("GET", "/api/users/bob/history/movies?sortOrder=sideways", bearer(bobToken)), 400, "sortOrder");
    }

    @Test
    @Order(22)
    void history_writes_refuse_what_the_document_says_they_refuse() {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            String bobs = "/api/users/bob/history/movies";
            refused(api.json(method, bobs, bearer(bobToken), "[{\"tmdbId\":603,\"watchedAt\":\"yesterday\"}]"), 400, "item 0: watchedAt");
            refused(api.json(method, bobs, bearer(bobToken), "{\"tmdbId\":603}"), 400, "JSON array");
            refused(api.json(method, bobs, bearer(bobToken), "[{\"tmdbId\":603,\"movieId\":1,\"watchedAt\":null}]"), 400, "exactly one");
            refusedValid(api.json(method, bobs, bearer(bobToken), "[{\"movieId\":999999,\"watchedAt\":null}]"), 400, "999999");
            refusedValid(api.json(method, bobs, Map.of(), "[{\"tmdbId\":603,\"watchedAt\":null}]"), 401, "Log in first");
            refusedValid(api.json(method, bobs.replace("bob", "root"), bearer(bobToken), "[{\"tmdbId\":603,\"watchedAt\":null}]"), 403,
                    "only change your own");
            refusedValid(api.json(method, bobs.replace("bob", "nobody"), bearer(bobToken), "[{\"tmdbId\":603,\"watchedAt\":null}]"), 404,
                    "nobody");
        }
        refused(api.json("POST", "/api/users/bob/history/movies", bearer(bobToken), "[{\"tmdbId\":603}]"), 400, "watchedAt is missing");
    }

    @Test
    @Order(23)
    void an_episode_history_is_written_read_and_deleted_as_documented() {
        String bobs = "/api/users/bob/history/episodes";
        conforms(api.json("POST", bobs, bearer(bobToken), """
                [{"tvdbId":280619,"title":"The Expanse","year":2015,"season":2,"episode":3,"episodeTitle":"Static","watchedAt":"2026-01-04","plays":2,"comment":"with Carol"},
                 {"tvdbId":280619,"season":2,"episode":4,"watchedAt":null}]"""), 204);
        long staticId = api.call("GET", bobs + "?sortOrder=desc", bearer(bobToken)).json().at("/history/0/episode/id").asLong();
        conforms(api.json("PUT", bobs, bearer(bobToken), "[{\"episodeId\":" + staticId + ",\"watchedAt\":\"2026-01-02\",\"plays\":1}]"), 204);

        Exchange page = conforms(api.call("GET", bobs + "?page=1&limit=2&sortOrder=asc&search=expanse", bearer(bobToken)), 200);
        assertThat(page.json().path("history")).hasSize(2);
        assertThat(page.json().at("/history/0/source").asText()).isEqualTo("api");
        conforms(api.call("GET", bobs, bearer(rootToken)), 200);
        conforms(api.call("GET", bobs, session(rootSession, false)), 200);

        conforms(api.json("DELETE", bobs, bearer(bobToken), "[{\"tvdbId\":280619,\"season\":2,\"episode\":3,\"watchedAt\":\"2026-01-02\"}]"), 204);
        assertThat(api.call("GET", bobs, bearer(bobToken)).json().path("history")).hasSize(2);
        conforms(api.json("DELETE", bobs, bearer(bobToken), "[{\"episodeId\":" + staticId + "}, {\"tvdbId\":280619,\"season\":2,\"episode\":4}]"), 204);
        assertThat(api.call("GET", bobs, bearer(bobToken)).json().path("history")).isEmpty();
    }

    @Test
    @Order(24)
    void episode_history_calls_refuse_what_the_document_says_they_refuse() {
        String bobs = "/api/users/bob/history/episodes";
        refused(api.call("GET", bobs + "?limit=0", bearer(bobToken)), 400, "limit");
        refused(api.call("GET", bobs + "?sortOrder=sideways", bearer(bobToken)), 400, "sortOrder");
        refusedValid(api.call("GET", bobs, Map.of()), 401, "Log in first");
        refusedValid(api.call("GET", bobs.replace("bob", "root"), bearer(bobToken)), 403, "Only the user and admins");
        refusedValid(api.call("GET", bobs.replace("bob", "nobody"), bearer(bobToken)), 404, "nobody");
        String one = "[{\"tvdbId\":280619,\"season\":1,\"episode\":1,\"watchedAt\":null}]";
        for (String method : List.of("POST", "PUT", "DELETE")) {
            refused(api.json(method, bobs, bearer(bobToken), "[{\"tvdbId\":280619,\"season\":1,\"episode\":1,\"watchedAt\":\"yesterday\"}]"), 400,
                    "item 0: watchedAt");
            refused(api.json(method, bobs, bearer(bobToken), "[{\"episodeId\":1,\"tvdbId\":2,\"watchedAt\":null}]"), 400, "either episodeId");
            refused(api.json(method, bobs, bearer(bobToken), "[{\"tvdbId\":2,\"watchedAt\":null}]"), 400, "season and episode");
            refusedValid(api.json(method, bobs, bearer(bobToken), "[{\"episodeId\":999999,\"watchedAt\":null}]"), 400, "999999");
            refusedValid(api.json(method, bobs, bearer(bobToken), "[{\"tvdbId\":999999,\"season\":1,\"episode\":1,\"watchedAt\":null}]"), 400,
                    "give its title");
            refusedValid(api.json(method, bobs, Map.of(), one), 401, "Log in first");
            refusedValid(api.json(method, bobs.replace("bob", "root"), bearer(bobToken), one), 403, "only change your own");
            refusedValid(api.json(method, bobs.replace("bob", "nobody"), bearer(bobToken), one), 404, "nobody");
        }
    }

    // --- webhook ---------------------------------------------------------------------------------------------------

    @Test
    @Order(30)
    void the_webhook_answers_each_delivery_as_documented() throws Exception {
        String url = "/api/webhook/jellyfin/" + webhookId;
        FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603").imdb("tt0133093").overview("A hacker learns.");
        String stop = jellyfin.webhooks().playbackStop(alice, matrix, 0, true);
        Exchange recorded = conforms(api.call("POST", url, Map.of(), "text/plain", stop), 200);
        assertThat(recorded.json().path("result").asText()).isEqualTo("recorded");
        assertThat(conforms(api.call("POST", url, Map.of(), "text/plain", stop), 200).json().path("result").asText()).isEqualTo("duplicate");
        Exchange ignored = conforms(api.call("POST", url, Map.of(), "application/json", jellyfin.webhooks().playbackStart(alice, matrix)), 200);
        long bobId = app.app.users.accounts().byName("bob").id();
        app.app.jellyfinLink.login().saveServerUrl(bobId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(bobId, "alice", "pw");
        FakeItem expanse = jellyfin.addSeries("The Expanse", 2015).tvdb("280619");
        String episodeStop = jellyfin.webhooks().playbackStop(alice, jellyfin.addEpisode(expanse, 2, 3, "Static"), 0, true);
        Exchange episode = conforms(api.call("POST", url, Map.of(), "text/plain", episodeStop), 200);
        assertThat(episode.json().at("/show/tvdbId").asInt()).isEqualTo(280619);
        assertThat(ignored.json().path("reason").asText()).contains("PlaybackStart is not counted");

        refused(api.call("POST", url, Map.of(), "text/plain", "{\"ItemType\":\"Movie\"}"), 400, "NotificationType");
        refused(api.call("POST", url, Map.of(), "text/plain", "not json"), 400, "JSON");
        refusedValid(api.call("POST", "/api/webhook/jellyfin/" + java.util.UUID.randomUUID(), Map.of(), "text/plain", stop), 404, "no webhook");
        refused(api.call("POST", "/api/webhook/jellyfin/not-a-secret", Map.of(), "text/plain", stop), 404, "no webhook");
        String huge = stop.replace("\"Name\":", "\"Padding\":\"" + "x".repeat(1024 * 1024) + "\",\"Name\":");
        Exchange tooLarge = api.call("POST", url, Map.of(), "text/plain", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.answerProblems()).isEmpty();
    }

    // --- cleanup ---------------------------------------------------------------------------------------------------

    @Test
    @Order(40)
    void cleanup_reads_and_execution_answer_as_documented() throws Exception {
        for (String path : List.of("/api/cleanup/watched", "/api/cleanup/plan")) {
            refusedValid(api.call("GET", path, bearer(rootToken)), 404, "yet");
            refusedValid(api.call("GET", path, Map.of()), 401, "Log in first");
            refusedValid(api.call("GET", path, bearer(bobToken)), 403, "Only admins");
        }
        rootSession.submit("/admin/cleanup/watched", "/admin/cleanup/watched/refresh", Map.of());
        awaitJob("watched_report");
        rootSession.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
        awaitJob("cleanup_plan");

        Exchange report = conforms(api.call("GET", "/api/cleanup/watched", bearer(rootToken)), 200);
        assertThat(report.json().path("entries")).anySatisfy(e -> assertThat(e.path("name").asText()).isEqualTo("Heat"));
        JsonNode plan = conforms(api.call("GET", "/api/cleanup/plan", bearer(rootToken)), 200).json();
        assertThat(plan.path("entries")).anySatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("delete-movie"));
        String id = plan.path("id").asText();
        JsonNode disks = conforms(api.call("GET", "/api/cleanup/disks", bearer(rootToken)), 200).json();
        assertThat(disks.path("planId").asText()).isEqualTo(id);
        assertThat(disks.path("disks").get(0).path("disk").path("status").asText()).isEqualTo("ok");
        assertThat(disks.path("disks").get(0).path("usedPercent").asInt()).isEqualTo(75);
        refusedValid(api.call("GET", "/api/cleanup/disks", Map.of()), 401, "Log in first");
        refusedValid(api.call("GET", "/api/cleanup/disks", bearer(bobToken)), 403, "Only admins");
        JsonNode leaving = conforms(api.call("GET", "/api/cleanup/leaving", bearer(bobToken)), 200).json();
        assertThat(leaving.path("items")).as("every user sees the schedule").anySatisfy(e -> assertThat(e.path("title").asText()).isEqualTo("Heat"));
        refusedValid(api.call("GET", "/api/cleanup/leaving", Map.of()), 401, "Log in first");
        conforms(api.call("GET", "/api/cleanup/plans/" + id, session(rootSession, false)), 200);
        refused(api.call("GET", "/api/cleanup/plans/latest", bearer(rootToken)), 400, "id must be");
        refusedValid(api.call("GET", "/api/cleanup/plans/999999", bearer(rootToken)), 404, "999999");
        refusedValid(api.call("GET", "/api/cleanup/plans/" + id, Map.of()), 401, "Log in first");
        refusedValid(api.call("GET", "/api/cleanup/plans/" + id, bearer(bobToken)), 403, "Only admins");

        String execute = "/api/cleanup/plans/" + id + "/execute";
        String digest = "{\"digest\":\"" + plan.path("digest").asText() + "\"}";
        refusedValid(api.json("POST", execute, bearer(rootToken), digest), 409, "CLEANUP_EXECUTE is off");
        rootSession.submit("/settings/server/cleanup", "/settings/server/cleanup/actions", Map.of("CLEANUP_EXECUTE", "true"));
        refused(api.json("POST", execute, bearer(rootToken), "{}"), 400, "digest is required");
        refused(api.json("POST", execute, bearer(rootToken), "[]"), 400, "JSON object");
        refusedValid(api.json("POST", execute, bearer(rootToken), "{\"digest\":\"0000\"}"), 409, "not the plan that was confirmed");
        refusedValid(api.json("POST", "/api/cleanup/plans/999999/execute", bearer(rootToken), digest), 404, "999999");
        refusedValid(api.json("POST", execute, Map.of(), digest), 401, "Log in first");
        refusedValid(api.json("POST", execute, bearer(bobToken), digest), 403, "Only admins");
        refusedValid(api.json("POST", execute, session(rootSession, false), digest), 403, "expired");
        Exchange accepted = conforms(api.json("POST", execute, session(rootSession, true), digest), 202);
        assertThat(accepted.json().path("planId").asText()).isEqualTo(id);
        awaitJob("cleanup_execute");
        refusedValid(api.json("POST", execute, bearer(rootToken), digest), 409, "already executed");
    }

    // --- coverage --------------------------------------------------------------------------------------------------

    @Test
    @Order(Integer.MAX_VALUE)
    void every_documented_answer_of_every_operation_was_driven() {
        Set<String> documented = new TreeSet<>();
        contract.operations().forEach(op -> contract.statuses(op).forEach(status -> documented.add(op.key() + " " + status)));
        assertThat(api.answered()).as("answers given that the document lacks").isSubsetOf(documented);
        assertThat(documented).as("documented answers no test drove").isSubsetOf(api.answered());
    }
}
