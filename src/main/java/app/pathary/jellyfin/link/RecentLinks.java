package app.pathary.jellyfin.link;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Links read recently, for the paths that read one on every webhook delivery (the lookup by webhook id, the automatic
 * sync's switch check), kept only where one instance uses the database (SQLite): with several replicas on PostgreSQL
 * a change on one must be in use on the others at their next request, so there nothing is kept. A link changed through this instance's {@link JellyfinLinkRepository} is read afresh by the
 * next lookup: every change bumps a generation once it is committed, and an entry read under an older generation is
 * never used nor stored. A change made elsewhere (another replica sharing PostgreSQL, a CLI command on the same
 * database) is seen within {@link #TTL}. Only links found are kept, so an unknown webhook id is always looked up.
 */
final class RecentLinks {
    static final Duration TTL = Duration.ofSeconds(1);
    private final long kept;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> byWebhookId = new ConcurrentHashMap<>();
    private final Map<Long, Entry> byUser = new ConcurrentHashMap<>();

    /** Keeps what is read for {@code kept}; {@link Duration#ZERO} keeps nothing. */
    RecentLinks(Duration kept) {
        this.kept = kept.toNanos();
    }

    private record Entry(JellyfinLink link, long generation, long readAt) {
    }

    private boolean fresh(Entry entry, long now, long current) {
        return entry.generation() == current && now - entry.readAt() < kept;
    }

    Optional<JellyfinLink> byWebhookId(String webhookId, Supplier<Optional<JellyfinLink>> read) {
        long current = generation.get();
        long now = System.nanoTime();
        Entry entry = byWebhookId.get(webhookId);
        if (entry != null && fresh(entry, now, current)) {
            return Optional.of(entry.link());
        }
        Optional<JellyfinLink> link = read.get();
        if (link.isPresent()) {
            keep(byWebhookId, webhookId, new Entry(link.get(), current, now));
        } else if (entry != null) {
            byWebhookId.remove(webhookId, entry);
        }
        return link;
    }

    JellyfinLink of(long userId, Supplier<JellyfinLink> read) {
        long current = generation.get();
        long now = System.nanoTime();
        Entry entry = byUser.get(userId);
        if (entry != null && fresh(entry, now, current)) {
            return entry.link();
        }
        JellyfinLink link = read.get();
        keep(byUser, userId, new Entry(link, current, now));
        return link;
    }

    /** Called once a change to any link is committed (or failed): nothing read before it is used again. */
    void changed() {
        generation.incrementAndGet();
        byWebhookId.clear();
        byUser.clear();
    }

    /** Stores what was read, unless a change came while it was read (then the next lookup reads again). */
    private <K> void keep(Map<K, Entry> map, K key, Entry entry) {
        if (kept > 0 && generation.get() == entry.generation()) {
            map.put(key, entry);
        }
    }
}
