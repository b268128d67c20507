package app.pathary.ops;

import app.pathary.web.Pages;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 contract of the JSON API: hand-written in {@code openapi/pathary-api.yaml} (the source of truth),
 * served as JSON at {@code GET /api/openapi.json}, and readable at {@code GET /docs/api} (Swagger UI from its WebJar,
 * so the page needs no internet). Both are open to anyone: the contract describes the API, it holds no data.
 */
public final class ApiContract implements WebRoutes {
    public static final String RESOURCE = "/openapi/pathary-api.yaml";
    /** The version of the {@code org.webjars:swagger-ui} dependency, which names the folder its files are served from. */
    static final String SWAGGER_UI = "5.35.0";
    private final ObjectNode document;
    private final ObjectMapper json;
    private final Pages pages;

    private ApiContract(ObjectNode document, ObjectMapper json, Pages pages) {
        this.document = document;
        this.json = json;
        this.pages = pages;
    }

    /** Reads the contract from the classpath once; a missing or unreadable contract stops the start. */
    public static ApiContract load(ObjectMapper json, Pages pages) {
        try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the API contract " + RESOURCE + " is not in the jar");
            }
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(in);
            if (!(tree instanceof ObjectNode object) || !object.path("openapi").asText().startsWith("3.1")) {
                throw new IllegalStateException("the API contract " + RESOURCE + " is not an OpenAPI 3.1 document");
            }
            return new ApiContract(object, json, pages);
        } catch (IOException e) {
            throw new UncheckedIOException("the API contract " + RESOURCE + " cannot be read", e);
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/openapi.json", this::document, Role.ANONYMOUS);
        routes.get("/docs/api", ctx -> pages.render(ctx, "ops/api-docs.jte", "API", Map.of("swaggerUi", SWAGGER_UI)), Role.ANONYMOUS);
    }

    /** The document with its server at the path Pathary is served under (so "Try it out" calls this server). */
    private void document(Context ctx) throws IOException {
        ObjectNode served = document.deepCopy();
        String base = ctx.contextPath() == null || ctx.contextPath().equals("/") ? "" : ctx.contextPath();
        served.set("servers", json.valueToTree(List.of(Map.of("url", base.isEmpty() ? "/" : base,
                "description", "this Pathary"))));
        ctx.contentType("application/json").result(json.writeValueAsString(served));
    }
}
