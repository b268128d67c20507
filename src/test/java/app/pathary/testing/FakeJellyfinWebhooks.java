package app.pathary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;

/**
 * Emits what the Jellyfin webhook plugin's Generic destination sends with "Send All Properties": one
 * compact JSON object per event and user, POSTed with {@code Content-Type: text/plain; charset=utf-8}
 * and {@code User-Agent: Jellyfin-Server/<version>}. Payloads read the fake's current items, users and
 * UserData; building one changes nothing. The session is the user's latest login on the fake, or a
 * "Jellyfin Web" session when there is none.
 */
public final class FakeJellyfinWebhooks {

    /** What the receiver answered. */
    public record Delivery(int status, String body) {
    }

    private final FakeJellyfinState state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String serverUrl = "";
    private volatile ZoneId zone = ZoneId.of("Europe/Paris");

    FakeJellyfinWebhooks(FakeJellyfinState state) {
        this.state = state;
    }

    /** The plugin's "Server Url" setting, sent as {@code ServerUrl} (default empty). */
    public FakeJellyfinWebhooks serverUrl(String url) {
        serverUrl = url;
        return this;
    }

    /** The server's local time zone, used for {@code Timestamp} (default Europe/Paris). */
    public FakeJellyfinWebhooks zone(ZoneId localZone) {
        zone = localZone;
        return this;
    }

    public String playbackStart(FakeUser user, FakeItem item) {
        return playback("PlaybackStart", user, item, 0, "DirectPlay", null);
    }

    /** PlaybackStop as reported for one user; {@code PlayMethod} is absent, as it usually is on stop. */
    public String playbackStop(FakeUser user, FakeItem item, long positionTicks, boolean playedToCompletion) {
        return playback("PlaybackStop", user, item, positionTicks, null, playedToCompletion);
    }

    /** UserDataSaved with the user's current UserData, e.g. {@code saveReason} "TogglePlayed". */
    public String userDataSaved(FakeUser user, FakeItem item, String saveReason) {
        synchronized (state) {
            FakeWebhookPayloads payloads = payloads();
            Map<String, Object> data = payloads.base("UserDataSaved");
            payloads.addItem(data, item);
            payloads.addUserItemData(data, state.userData(user.id(), item.id()));
            data.put("SaveReason", saveReason);
            data.put("NotificationUsername", user.name());
            data.put("UserId", user.id());
            return FakeWebhookJson.write(data);
        }
    }

    public String itemAdded(FakeItem item) {
        synchronized (state) {
            FakeWebhookPayloads payloads = payloads();
            Map<String, Object> data = payloads.base("ItemAdded");
            payloads.addItem(data, item);
            return FakeWebhookJson.write(data);
        }
    }

    /** POSTs a payload the way the plugin does and returns the receiver's answer. */
    public Delivery post(URI url, String payload) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("User-Agent", "Jellyfin-Server/" + state.version)
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String playback(String type, FakeUser user, FakeItem item, long positionTicks, String playMethod,
                            Boolean playedToCompletion) {
        synchronized (state) {
            FakeJellyfinState.Session session = sessionOf(user);
            FakeWebhookPayloads payloads = payloads();
            Map<String, Object> data = payloads.base(type);
            payloads.addItem(data, item);
            payloads.addPlayback(data, item, session, positionTicks, playMethod);
            if (playedToCompletion != null) {
                data.put("PlayedToCompletion", playedToCompletion);
            }
            payloads.addSession(data, session, user);
            data.put("NotificationUsername", user.name());
            data.put("UserId", user.id());
            return FakeWebhookJson.write(data);
        }
    }

    private FakeJellyfinState.Session sessionOf(FakeUser user) {
        return state.sessions.values().stream()
                .filter(s -> s.userId().equals(user.id()))
                .max(Comparator.comparing(FakeJellyfinState.Session::created))
                .orElseGet(() -> new FakeJellyfinState.Session("", FakeJellyfinState.newId(), user.id(),
                        "web-" + user.id(), "Firefox", "Jellyfin Web", state.version, state.now()));
    }

    private FakeWebhookPayloads payloads() {
        return new FakeWebhookPayloads(state, serverUrl, zone);
    }
}
