package app.pathary.jellyfin.client;

import static app.pathary.common.RequestUrl.segment;

import app.pathary.common.RemoteFailures;
import app.pathary.common.RetryPolicy;
import app.pathary.jellyfin.client.dto.AuthenticationResult;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import app.pathary.jellyfin.client.dto.PublicSystemInfo;
import app.pathary.jellyfin.client.dto.SystemInfo;
import app.pathary.jellyfin.client.dto.UpdateUserItemDataDto;
import app.pathary.jellyfin.client.dto.UserDto;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link JellyfinClient} over {@code java.net.http}. It holds no server and no token (they come with every
 * call) and does no I/O until a method is called.
 *
 * <p>A 2xx answer that is empty where data is due, or lacks the keys Jellyfin always sends for that route (e.g.
 * {@code Items} of a query result, {@code Id} and {@code Version} of the public system info, {@code Id} and
 * {@code Name} of every user) is reported as {@link JellyfinException.NotJellyfin}.
 */
public final class HttpJellyfinClient implements JellyfinClient {

    static final String PRODUCT_NAME = "Jellyfin Server";

    private final JellyfinTransport transport;
    private final ObjectMapper json;

    /** A client that sends every request once; see {@link #HttpJellyfinClient(HttpClient, ClientIdentity, Duration, RetryPolicy)}. */
    public HttpJellyfinClient(HttpClient http, ClientIdentity identity, Duration requestTimeout) {
        this(http, identity, requestTimeout, RetryPolicy.ONCE);
    }

    /**
     * @param http           the HTTP client (its connect timeout applies to connecting)
     * @param identity       the Client/Device/DeviceId/Version sent with every request
     * @param requestTimeout the time allowed for a whole answer; large {@code /Items} pages can take seconds
     * @param reads          how reads that failed for a passing reason (5xx, dropped, timed out) are tried again;
     *                       writes are always sent once
     */
    public HttpJellyfinClient(HttpClient http, ClientIdentity identity, Duration requestTimeout, RetryPolicy reads) {
        this(http, identity, requestTimeout, reads, RemoteFailures.IGNORED);
    }

    /** As above, telling {@code failures} of each request that failed (for {@code /metrics}). */
    public HttpJellyfinClient(HttpClient http, ClientIdentity identity, Duration requestTimeout, RetryPolicy reads, RemoteFailures failures) {
        this.json = JellyfinJson.create();
        this.transport = new JellyfinTransport(Objects.requireNonNull(http), Objects.requireNonNull(identity),
                Objects.requireNonNull(requestTimeout), json, Objects.requireNonNull(reads), Objects.requireNonNull(failures));
    }

    @Override
    public PublicSystemInfo publicSystemInfo(JellyfinServer server) {
        JellyfinCall call = JellyfinCall.get("/System/Info/Public").withoutToken();
        PublicSystemInfo info = read(call, transport.send(server, call), PublicSystemInfo.class, "Id", "Version");
        if (info.productName() != null && !PRODUCT_NAME.equals(info.productName())) {
            throw new JellyfinException.NotJellyfin(call.describe(), "ProductName is " + info.productName());
        }
        return info;
    }

    @Override
    public SystemInfo systemInfo(JellyfinServer server) {
        JellyfinCall call = JellyfinCall.get("/System/Info");
        return read(call, transport.send(server, call), SystemInfo.class, "Id", "Version");
    }

    @Override
    public LoginResult authenticateByName(JellyfinServer server, String username, String password) {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("Username", username);
        credentials.put("Pw", password == null ? "" : password);
        JellyfinCall call = JellyfinCall.post("/Users/AuthenticateByName").withoutToken().body(write(credentials));
        try {
            JsonNode body = transport.send(server, call);
            return new LoginResult.Success(read(call, body, AuthenticationResult.class, "AccessToken", "User"));
        } catch (JellyfinException.Unauthorized e) {
            return new LoginResult.InvalidCredentials();
        } catch (JellyfinException.Forbidden e) {
            return new LoginResult.Refused();
        } catch (JellyfinException.UnexpectedStatus e) {
            if (e.status() == 400) {
                return new LoginResult.BadRequest();
            }
            throw e;
        }
    }

    @Override
    public String createCollection(JellyfinServer server, String name, List<String> ids, boolean locked) {
        JellyfinCall call = JellyfinCall.post("/Collections").param("name", name).param("ids", ids.isEmpty() ? null : String.join(",", ids))
                .param("isLocked", locked);
        JsonNode body = requireBody(call, transport.send(server, call));
        String id = body.path("Id").asText("");
        if (id.isBlank()) {
            throw new JellyfinException.NotJellyfin(call.describe(), "no Id in the answer");
        }
        return id;
    }

    @Override
    public void addToCollection(JellyfinServer server, String collectionId, List<String> ids) {
        transport.send(server, JellyfinCall.post("/Collections/" + segment(collectionId) + "/Items").param("ids", String.join(",", ids)));
    }

    @Override
    public void removeFromCollection(JellyfinServer server, String collectionId, List<String> ids) {
        transport.send(server, JellyfinCall.delete("/Collections/" + segment(collectionId) + "/Items").param("ids", String.join(",", ids)));
    }

    @Override
    public void deleteCollection(JellyfinServer server, String collectionId) {
        transport.send(server, JellyfinCall.delete("/Items/" + segment(collectionId)));
    }

    @Override
    public void logout(JellyfinServer server) {
        transport.send(server, JellyfinCall.post("/Sessions/Logout"));
    }

    /** Posters are small; anything larger is not the picture asked for. */
    static final int MAX_IMAGE_BYTES = 4 * 1024 * 1024;

    @Override
    public Optional<ImageData> primaryImage(JellyfinServer server, String itemId, int maxWidth) {
        JellyfinCall call = JellyfinCall.get("/Items/" + segment(itemId) + "/Images/Primary").param("maxWidth", maxWidth);
        return transport.image(server, call, MAX_IMAGE_BYTES);
    }

    @Override
    public List<UserDto> users(JellyfinServer server) {
        JellyfinCall call = JellyfinCall.get("/Users");
        JsonNode body = requireBody(call, transport.send(server, call));
        if (!body.isArray()) {
            throw new JellyfinException.NotJellyfin(call.describe(), "expected a JSON array of users");
        }
        for (JsonNode user : body) {
            if (!user.isObject() || !hasKeyIgnoringCase(user, "Id") || !hasKeyIgnoringCase(user, "Name")) {
                throw new JellyfinException.NotJellyfin(call.describe(), "a user without Id or Name");
            }
        }
        return convert(call, body, json.getTypeFactory().constructCollectionType(List.class, UserDto.class));
    }

    @Override
    public Optional<UserDto> currentUser(JellyfinServer server) {
        JellyfinCall call = JellyfinCall.get("/Users/Me");
        try {
            return Optional.of(read(call, transport.send(server, call), UserDto.class, "Id"));
        } catch (JellyfinException.UnexpectedStatus e) {
            if (e.status() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public BaseItemDtoQueryResult items(JellyfinServer server, ItemQuery query) {
        JellyfinCall call = JellyfinCall.get("/Items").params(query.toParameters());
        return transport.send(server, call, ItemJson::page);
    }

    @Override
    public Optional<BaseItemDto> item(JellyfinServer server, String userId, String itemId) {
        JellyfinCall call = JellyfinCall.get("/Items/" + segment(itemId)).param("userId", userId);
        try {
            return Optional.of(read(call, transport.send(server, call), BaseItemDto.class, "Id"));
        } catch (JellyfinException.NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public UserItemDataDto markPlayed(JellyfinServer server, String userId, String itemId, Instant datePlayed) {
        JellyfinCall call = JellyfinCall.post("/UserPlayedItems/" + segment(itemId)).param("userId", userId)
                .param("datePlayed", datePlayed == null ? null : DateTimeFormatter.ISO_INSTANT.format(datePlayed));
        return userData(call, server);
    }

    @Override
    public UserItemDataDto markUnplayed(JellyfinServer server, String userId, String itemId) {
        return userData(JellyfinCall.delete("/UserPlayedItems/" + segment(itemId)).param("userId", userId), server);
    }

    @Override
    public UserItemDataDto userData(JellyfinServer server, String userId, String itemId) {
        return userData(JellyfinCall.get("/UserItems/" + segment(itemId) + "/UserData").param("userId", userId), server);
    }

    @Override
    public UserItemDataDto updateUserData(JellyfinServer server, String userId, String itemId,
                                          UpdateUserItemDataDto update) {
        JellyfinCall call = JellyfinCall.post("/UserItems/" + segment(itemId) + "/UserData")
                .param("userId", userId).body(write(update));
        return userData(call, server);
    }

    private UserItemDataDto userData(JellyfinCall call, JellyfinServer server) {
        return read(call, transport.send(server, call), UserItemDataDto.class, "Played");
    }

    private static JsonNode requireBody(JellyfinCall call, JsonNode body) {
        if (body.isMissingNode()) {
            throw new JellyfinException.NotJellyfin(call.describe(), JellyfinException.NotJellyfin.Problem.EMPTY, "no body");
        }
        return body;
    }

    private <T> T read(JellyfinCall call, JsonNode body, Class<T> type, String... requiredKeys) {
        if (!requireBody(call, body).isObject()) {
            throw new JellyfinException.NotJellyfin(call.describe(), "expected a JSON object");
        }
        for (String key : requiredKeys) {
            if (!hasKeyIgnoringCase(body, key)) {
                throw new JellyfinException.NotJellyfin(call.describe(), "no " + key + " in the answer");
            }
        }
        return convert(call, body, json.constructType(type));
    }

    private static boolean hasKeyIgnoringCase(JsonNode object, String key) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (names.next().equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    private <T> T convert(JellyfinCall call, JsonNode body, JavaType type) {
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new JellyfinException.NotJellyfin(call.describe(), "unexpected JSON shape");
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Jellyfin request body", e);
        }
    }
}
