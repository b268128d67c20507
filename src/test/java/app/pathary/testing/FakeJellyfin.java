package app.pathary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A stateful Jellyfin 10.11/12 that speaks real HTTP on 127.0.0.1 and a random port, with legacy
 * authorization off as in Jellyfin 12: only {@code Authorization: MediaBrowser ... Token="..."} and
 * {@code ?ApiKey=} carry a token; {@code X-Emby-*} headers and {@code api_key} are ignored, so they get 401.
 *
 * <p>Served routes: {@code GET /System/Info/Public}, {@code /System/Info}, {@code /System/Ping};
 * {@code POST /Users/AuthenticateByName}, {@code /Sessions/Logout}; {@code GET /Users}, {@code /Users/Me},
 * {@code /Users/{id}}; {@code GET /Items}, {@code /Items/{id}}; {@code POST|DELETE /UserPlayedItems/{id}};
 * {@code GET|POST /UserItems/{id}/UserData}; collections ({@link FakeJellyfinCollections}). Anything else is 404.
 *
 * <p>Test hooks: seed users, API keys, libraries, movies, series and episodes; read and set UserData; a
 * request log; added latency; logins held until released; queued faults; a webhook emitter ({@link #webhooks()}).
 */
public final class FakeJellyfin implements AutoCloseable {

    /** What the next requests suffer instead of an answer. */
    public enum Fault {
        /** HTTP 500 with an empty body. */
        SERVER_ERROR,
        /** No answer until the fake is closed (or 5 minutes): the client's timeout fires. */
        HANG,
        /** The connection is closed before any response byte. */
        DROP_CONNECTION,
        /** HTTP 200 with an HTML sign-in page, like a proxy in front of the server. */
        HTML_PAGE,
        /** HTTP 503 with an HTML body, as Jellyfin answers every route while it is starting. */
        STARTING_UP,
        /** HTTP 502 with nginx's HTML error page, like a reverse proxy whose Jellyfin is down. */
        BAD_GATEWAY,
        /** HTTP 200 {@code application/json} whose body stops mid-way, like a proxy that cut the answer short. */
        TRUNCATED_JSON,
        /** HTTP 200 with JSON of another shape: {@code Items} an object, the count a word; not a list of users either. */
        WRONG_SHAPE,
        /** HTTP 200 that promises a body and closes the connection half-way through it. */
        CUT_OFF,
        /** HTTP 200 that sends half its body and then nothing more until the fake is closed (or 5 minutes). */
        STALL,
        /** HTTP 200 with no body at all, where a GET is due its JSON. */
        EMPTY_BODY
    }

    private final FakeJellyfinState state = new FakeJellyfinState();
    private final FakeJellyfinHttp http;
    private final FakeJellyfinWebhooks webhooks = new FakeJellyfinWebhooks(state);

    private FakeJellyfin(String basePath) throws IOException {
        FakeJellyfinRoutes routes = new FakeJellyfinRoutes();
        this.http = new FakeJellyfinHttp(state, routes, basePath);
        FakeJellyfinSystemRoutes.register(routes, state, () -> http.baseUrl().toString());
        FakeJellyfinUserRoutes.register(routes, state);
        FakeJellyfinItemRoutes.register(routes, state);
        FakeJellyfinPlaystate.register(routes, state);
        FakeJellyfinCollections.register(routes, state);
        FakeJellyfinImageRoutes.register(routes, state);
    }

    /** Starts a fake at the root path. */
    public static FakeJellyfin start() {
        return start("");
    }

    /** Starts a fake under a base path such as {@code /jellyfin}; requests outside it get 404. */
    public static FakeJellyfin start(String basePath) {
        String normalised = basePath.isEmpty() || basePath.equals("/") ? "" : "/" + basePath.replaceAll("^/+|/+$", "");
        try {
            return new FakeJellyfin(normalised);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    public String serverId() {
        return state.serverId;
    }

    public String version() {
        return state.version;
    }

    // ---- users and tokens

    public FakeUser addUser(String name, String password) {
        synchronized (state) {
            FakeJellyfinState.Account account = new FakeJellyfinState.Account(FakeJellyfinState.newId(), name, password);
            state.accounts.put(account.id, account);
            return account.asUser();
        }
    }

    public FakeUser addAdmin(String name, String password) {
        FakeUser user = addUser(name, password);
        account(user).admin = true;
        return user;
    }

    /** A disabled user cannot log in (403) and its existing tokens stop working (401). */
    public void setDisabled(FakeUser user, boolean disabled) {
        account(user).disabled = disabled;
    }

    public void setHidden(FakeUser user, boolean hidden) {
        account(user).hidden = hidden;
    }

    /** Restricts what the user sees to these libraries (Jellyfin's EnableAllFolders=false). */
    public void limitLibraries(FakeUser user, FakeItem... libraries) {
        account(user).libraryIds = Arrays.stream(libraries).map(FakeItem::id).collect(Collectors.toSet());
    }

    /** A new API key: administrator rights, no user. */
    public String addApiKey() {
        synchronized (state) {
            String key = FakeJellyfinState.newId();
            state.apiKeys.add(key);
            return key;
        }
    }

    /** Logs a user in without HTTP, as AuthenticateByName would (same DeviceId revokes older tokens). */
    public String issueToken(FakeUser user, String deviceId) {
        synchronized (state) {
            return state.login(account(user), deviceId, "Test device", "Test client", "1.0").token();
        }
    }

    /** Whether Jellyfin would still accept this token. */
    public boolean isTokenValid(String token) {
        synchronized (state) {
            return state.apiKeys.contains(token) || state.sessions.containsKey(token);
        }
    }

    // ---- library

    /** A library folder; {@code collectionType} is Jellyfin's, e.g. {@code movies} or {@code tvshows}. */
    public FakeItem addLibrary(String name, String collectionType) {
        synchronized (state) {
            return state.add(new FakeItem(FakeJellyfinState.newId(), "CollectionFolder", null, name, state.now())
                    .collectionType(collectionType));
        }
    }

    /** A movie in the first {@code movies} library (created as "Movies" if there is none). */
    public FakeItem addMovie(String name, int year) {
        return addMovie(defaultLibrary("Movies", "movies"), name, year);
    }

    public FakeItem addMovie(FakeItem library, String name, int year) {
        synchronized (state) {
            return state.add(new FakeItem(FakeJellyfinState.newId(), "Movie", library.id(), name, state.now()).year(year));
        }
    }

    /** A series in the first {@code tvshows} library (created as "Shows" if there is none). */
    public FakeItem addSeries(String name, int year) {
        return addSeries(defaultLibrary("Shows", "tvshows"), name, year);
    }

    public FakeItem addSeries(FakeItem library, String name, int year) {
        synchronized (state) {
            return state.add(new FakeItem(FakeJellyfinState.newId(), "Series", library.id(), name, state.now()).year(year));
        }
    }

    /** An episode; its season ("Season N", or "Specials" for 0) is created on first use. */
    public FakeItem addEpisode(FakeItem series, int seasonNumber, int episodeNumber, String name) {
        synchronized (state) {
            FakeItem season = state.children(series.id()).stream()
                    .filter(s -> s.type().equals("Season") && Integer.valueOf(seasonNumber).equals(s.indexNumber()))
                    .findFirst()
                    .orElseGet(() -> state.add(new FakeItem(FakeJellyfinState.newId(), "Season", series.id(),
                            seasonNumber == 0 ? "Specials" : "Season " + seasonNumber, state.now())
                            .numbers(null, seasonNumber)));
            return state.add(new FakeItem(FakeJellyfinState.newId(), "Episode", season.id(), name, state.now())
                    .numbers(seasonNumber, episodeNumber));
        }
    }

    public FakeItem item(String id) {
        synchronized (state) {
            return state.item(id);
        }
    }

    // ---- user data

    public FakeUserData userData(FakeUser user, FakeItem item) {
        synchronized (state) {
            return state.userData(user.id(), item.id());
        }
    }

    public void setUserData(FakeUser user, FakeItem item, FakeUserData data) {
        synchronized (state) {
            state.putUserData(user.id(), item.id(), data);
        }
    }

    // ---- collections

    /** A collection as the fake holds it: its id, name, whether locked, and its members' ids in order. */
    public record FakeCollection(String id, String name, boolean locked, List<String> members) {
    }

    /** Every collection, in creation order. */
    public List<FakeCollection> collections() {
        synchronized (state) {
            return state.collections.values().stream().map(c -> new FakeCollection(c.id, c.name, c.locked, List.copyOf(c.members))).toList();
        }
    }

    /** The collections named {@code name}. */
    public List<FakeCollection> collectionsNamed(String name) {
        return collections().stream().filter(c -> c.name().equals(name)).toList();
    }

    /** A collection vanishes, as on a library scan in Jellyfin 12.1 (jellyfin #18153): later calls on its id are 404/400. */
    public void vanishCollection(String id) {
        synchronized (state) {
            state.collections.remove(id);
        }
    }

    /** A collection made by hand in Jellyfin (by a user, not Pathary). */
    public String addCollection(String name, FakeItem... members) {
        synchronized (state) {
            FakeJellyfinCollections.Collection collection = new FakeJellyfinCollections.Collection(FakeJellyfinState.newId(), name, false);
            for (FakeItem member : members) {
                collection.members.add(member.id());
            }
            state.collections.put(collection.id, collection);
            return collection.id;
        }
    }

    // ---- observation, timing and faults

    public List<FakeRequest> requests() {
        return List.copyOf(http.log);
    }

    /** Requests with this method whose path, after the base path, equals {@code route} ignoring case. */
    public long requestCount(String method, String route) {
        String wanted = (baseUrl().getRawPath() + route).toLowerCase(Locale.ROOT);
        return http.log.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().toLowerCase(Locale.ROOT).equals(wanted))
                .count();
    }

    public void clearRequests() {
        http.log.clear();
    }

    /**
     * Benchmarks only: promises that the library and its user data no longer change, so a sorted {@code /Items}
     * query is filtered and sorted once and its pages are cut from that (a real Jellyfin's per-page cost is not
     * what a benchmark of Pathary measures).
     */
    public void freeze() {
        state.frozen = true;
    }

    /** Delay added before every answer. */
    public void setLatency(Duration latency) {
        http.latency = latency;
    }

    /**
     * From now on every {@code POST /Users/AuthenticateByName} is held before it is answered, until {@link #releaseLogins}:
     * a Jellyfin whose login takes as long as the test needs, without a sleep. {@link #awaitHeldLogin} waits for one.
     */
    public void holdLogins() {
        http.loginGate = new CountDownLatch(1);
    }

    /** Waits (up to 30 s) until a login request is being held; fails the test otherwise. */
    public void awaitHeldLogin() {
        try {
            if (!http.loginsHeld.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new AssertionError("no login reached the fake Jellyfin");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Lets the held logins (and all later ones) be answered. */
    public void releaseLogins() {
        CountDownLatch gate = http.loginGate;
        http.loginGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    /** The next {@code count} requests suffer {@code fault}, whatever their route. */
    public void failNext(int count, Fault fault) {
        for (int i = 0; i < count; i++) {
            http.faults.add(fault);
        }
    }

    /**
     * From now on every request fails at random: a share {@code serverErrors} with a 500, a share {@code resets} with a
     * dropped connection (0 and 0 stop it). The draw is seeded, so a run can be repeated.
     */
    public void failRandomly(double serverErrors, double resets, long seed) {
        http.random = serverErrors + resets <= 0 ? null
                : new FakeJellyfinHttp.RandomFaults(serverErrors, resets, new java.util.Random(seed), new java.util.concurrent.atomic.AtomicLong());
    }

    /** How many requests {@link #failRandomly} has failed so far. */
    public long randomFaultsInjected() {
        FakeJellyfinHttp.RandomFaults chance = http.random;
        return chance == null ? 0 : chance.injected().get();
    }

    /** Drops the faults still queued by {@link #failNext}. */
    public void clearFaults() {
        http.faults.clear();
    }

    /** The clock behind "now" (dates created, login dates, mark-played fallback, webhook timestamps). */
    public void useClock(Clock clock) {
        synchronized (state) {
            state.clock = clock;
        }
    }

    public FakeJellyfinWebhooks webhooks() {
        return webhooks;
    }

    @Override
    public void close() {
        http.close();
    }

    private FakeJellyfinState.Account account(FakeUser user) {
        synchronized (state) {
            return state.accounts.get(user.id());
        }
    }

    private FakeItem defaultLibrary(String name, String collectionType) {
        synchronized (state) {
            return state.items.values().stream()
                    .filter(i -> collectionType.equals(i.collectionType()))
                    .findFirst()
                    .orElseGet(() -> addLibrary(name, collectionType));
        }
    }
}
