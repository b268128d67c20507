package app.pathary.bench;

import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct PlaybackStop deliveries, each one a new play: one payload per movie is built by {@link FakeJellyfin}'s
 * webhook emitter (the plugin's exact key order and formats), then every delivery gets its own UtcTimestamp and
 * Timestamp (one second apart), so (user, item, UtcTimestamp) never repeats. Movies rotate, so ItemId and
 * Provider_tmdb vary too. Building a body costs a few string copies, so the client stays cheap.
 */
final class WebhookDeliveries {
    private static final Instant MARK = Instant.parse("2001-02-03T04:05:06Z");
    private static final ZoneId PLUGIN_ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private final List<String[]> templates;
    private final AtomicLong sequence = new AtomicLong();
    private final Instant start;

    private WebhookDeliveries(List<String[]> templates, Instant start) {
        this.templates = templates;
        this.start = start;
    }

    /** Payloads for {@code movies} movies (TMDb ids 100001...), played to completion by one Jellyfin user. */
    static WebhookDeliveries forMovies(int movies, Instant firstPlay) {
        List<String[]> templates = new ArrayList<>();
        try (FakeJellyfin jellyfin = FakeJellyfin.start()) {
            jellyfin.useClock(Clock.fixed(MARK, ZoneOffset.UTC));
            jellyfin.webhooks().zone(PLUGIN_ZONE);
            FakeUser user = jellyfin.addUser("bench", "pw");
            for (int i = 1; i <= movies; i++) {
                FakeItem movie = jellyfin.addMovie("Bench movie " + i, 1950 + i % 70)
                        .tmdb(Integer.toString(100_000 + i)).imdb("tt" + (1_000_000 + i)).overview("Overview of movie " + i + ".");
                templates.add(split(jellyfin.webhooks().playbackStop(user, movie, 72_000_000_000L, true)));
            }
        }
        return new WebhookDeliveries(templates, firstPlay);
    }

    /** The next delivery's body: never sent before. */
    byte[] next() {
        long n = sequence.getAndIncrement();
        String[] parts = templates.get((int) (n % templates.size()));
        Instant ended = start.plusSeconds(n);
        String utc = SECONDS.format(ended.atOffset(ZoneOffset.UTC)) + ".0000000Z";
        String local = SECONDS.format(ended.atZone(PLUGIN_ZONE)) + ".0000000Z";
        return (parts[0] + local + parts[1] + utc + parts[2]).getBytes(StandardCharsets.UTF_8);
    }

    long issued() {
        return sequence.get();
    }

    /** The payload cut around its Timestamp and UtcTimestamp values (in that order, as the plugin writes them). */
    private static String[] split(String payload) {
        try {
            var node = new ObjectMapper().readTree(payload);
            String local = "\"Timestamp\":\"" + node.get("Timestamp").asText() + "\"";
            String utc = "\"UtcTimestamp\":\"" + node.get("UtcTimestamp").asText() + "\"";
            int l = payload.indexOf(local);
            int u = payload.indexOf(utc);
            if (l < 0 || u < l) {
                throw new IllegalStateException("unexpected payload layout: " + payload);
            }
            return new String[] {payload.substring(0, l) + "\"Timestamp\":\"", "\"" + payload.substring(l + local.length(), u)
                    + "\"UtcTimestamp\":\"", "\"" + payload.substring(u + utc.length())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
