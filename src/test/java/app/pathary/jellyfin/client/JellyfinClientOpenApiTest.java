package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.jellyfin.client.dto.AuthenticationResult;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemFields;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.PublicSystemInfo;
import app.pathary.jellyfin.client.dto.SortOrder;
import app.pathary.jellyfin.client.dto.SystemInfo;
import app.pathary.jellyfin.client.dto.UpdateUserItemDataDto;
import app.pathary.jellyfin.client.dto.UserDto;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import app.pathary.jellyfin.client.dto.UserPolicy;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRequest;
import app.pathary.testing.FakeUser;
import app.pathary.testing.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pathary's client against Jellyfin's own OpenAPI documents (10.11.11 and 12.0.0): every request it
 * sends uses a declared route and declared query parameters, and its records and enums use Jellyfin's
 * names, so a rename upstream shows up here rather than as a silently ignored parameter.
 */
class JellyfinClientOpenApiTest {

    private final FakeJellyfin jellyfin = FakeJellyfin.start();

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openapi-10.11.11.json", "openapi-12.0.0.json"})
    void everyRequestTheClientSendsIsDeclared(String document) {
        OpenApiDocument spec = OpenApiDocument.load("/fixtures/jellyfin/" + document);
        exerciseEveryClientMethod();

        for (FakeRequest request : jellyfin.requests()) {
            JsonNode operation = spec.operation(request.method(), request.path()).orElse(null);
            assertThat(operation).as("%s %s in %s", request.method(), request.path(), document).isNotNull();
            assertThat(OpenApiDocument.queryParameters(operation))
                    .as("query parameters of %s %s", request.method(), request.path())
                    .containsAll(queryNames(request.query()));
        }
        assertThat(jellyfin.requests()).extracting(FakeRequest::method).contains("GET", "POST", "DELETE");
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("recordsAndSchemas")
    void recordComponentsAreJellyfinProperties(String document, Class<? extends Record> type, String schema) {
        Set<String> properties = OpenApiDocument.load("/fixtures/jellyfin/" + document).properties(schema).keySet();

        assertThat(Arrays.stream(type.getRecordComponents()).map(c -> pascalCase(c.getName())))
                .isSubsetOf(properties);
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("enumsAndSchemas")
    void enumConstantsAreJellyfinValues(String document, Class<? extends Enum<?>> type, String schema) {
        OpenApiDocument spec = OpenApiDocument.load("/fixtures/jellyfin/" + document);
        List<String> declared = enumValues(spec, schema);

        assertThat(Arrays.stream(type.getEnumConstants()).map(Enum::name)).isSubsetOf(declared);
    }

    static Stream<Arguments> recordsAndSchemas() {
        List<Object[]> pairs = List.of(
                new Object[] {PublicSystemInfo.class, "PublicSystemInfo"},
                new Object[] {SystemInfo.class, "SystemInfo"},
                new Object[] {AuthenticationResult.class, "AuthenticationResult"},
                new Object[] {UserDto.class, "UserDto"},
                new Object[] {UserPolicy.class, "UserPolicy"},
                new Object[] {BaseItemDto.class, "BaseItemDto"},
                new Object[] {BaseItemDtoQueryResult.class, "BaseItemDtoQueryResult"},
                new Object[] {UserItemDataDto.class, "UserItemDataDto"},
                new Object[] {UpdateUserItemDataDto.class, "UpdateUserItemDataDto"});
        return documents().flatMap(d -> pairs.stream().map(p -> Arguments.of(d, p[0], p[1])));
    }

    static Stream<Arguments> enumsAndSchemas() {
        List<Object[]> pairs = List.of(
                new Object[] {BaseItemKind.class, "BaseItemKind"},
                new Object[] {ItemFields.class, "ItemFields"},
                new Object[] {ItemSortBy.class, "ItemSortBy"},
                new Object[] {SortOrder.class, "SortOrder"});
        return documents().flatMap(d -> pairs.stream().map(p -> Arguments.of(d, p[0], p[1])));
    }

    private static Stream<String> documents() {
        return Stream.of("openapi-10.11.11.json", "openapi-12.0.0.json");
    }

    private void exerciseEveryClientMethod() {
        HttpJellyfinClient client = JellyfinTestClients.client();
        FakeUser alice = jellyfin.addUser("alice", "pw");
        FakeItem movie = jellyfin.addMovie("Free Guy", 2021);
        JellyfinServer anonymous = JellyfinServer.anonymous(jellyfin.baseUrl());
        JellyfinServer asAdmin = anonymous.withToken(jellyfin.addApiKey());
        LoginResult login = client.authenticateByName(anonymous, "alice", "pw");
        JellyfinServer asAlice = anonymous.withToken(((LoginResult.Success) login).authentication().accessToken());

        client.publicSystemInfo(anonymous);
        client.systemInfo(asAlice);
        client.users(asAdmin);
        client.currentUser(asAlice);
        ItemQuery everything = ItemQuery.builder().userId(alice.id()).parentId(movie.parentId())
                .includeItemTypes(BaseItemKind.Movie).recursive(true).fields(ItemFields.values()).isPlayed(false)
                .isFavorite(false).ids(List.of(movie.id())).enableUserData(true).build();
        client.allItems(asAlice, everything, 10);
        client.items(asAlice, everything.page(0, 5, true));
        client.item(asAlice, alice.id(), movie.id());
        client.markPlayed(asAlice, alice.id(), movie.id(), Instant.parse("2024-01-31T20:30:00Z"));
        client.markUnplayed(asAlice, alice.id(), movie.id());
        client.userData(asAlice, alice.id(), movie.id());
        client.updateUserData(asAlice, alice.id(), movie.id(), UpdateUserItemDataDto.playedOn(Instant.now()));
        client.logout(asAlice);
    }

    private static Set<String> queryNames(String rawQuery) {
        if (rawQuery == null) {
            return Set.of();
        }
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String pascalCase(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static JsonNode schemaRef(String schema) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static List<String> enumValues(OpenApiDocument spec, String schema) {
        return spec.resolve(schemaRef(schema)).path("enum").valueStream().map(JsonNode::asText).toList();
    }
}
