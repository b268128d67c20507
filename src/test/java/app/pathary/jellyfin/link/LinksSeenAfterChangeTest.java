package app.pathary.jellyfin.link;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where one instance serves the database (SQLite), the links read on every webhook delivery and history change are
 * kept for a moment, and that never hides a change made here: it is seen by the very next delivery; one made by
 * another process (a CLI command) is seen once {@link RecentLinks#TTL} has passed. Where replicas share the database
 * (PostgreSQL), nothing is kept and a change made by another instance is seen by the next lookup.
 */
@BothDialects
class LinksSeenAfterChangeTest {
    private static final String FIRST_HOOK = "00000000-0000-4000-8000-000000000001";
    private static final String SECOND_HOOK = "00000000-0000-4000-8000-000000000002";
    private static final String THIRD_HOOK = "00000000-0000-4000-8000-000000000003";
    private Database database;
    private JellyfinLinkRepository here;
    private JellyfinLinkRepository elsewhere;
    private long userId;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        here = new JellyfinLinkRepository(database.jdbi(), database.reads(), Clock.systemUTC(), true);
        elsewhere = new JellyfinLinkRepository(database.jdbi(), database.reads(), Clock.systemUTC(), true);
        userId = database.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO users (name, email, password_hash, is_admin, created_at) VALUES ('a', 'a@b.c', 'x', false, 0) RETURNING id")
                .mapTo(Long.class).one());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private JellyfinLink recent() {
        return database.jdbi().withHandle(h -> here.recent(h, userId));
    }

    @Test
    void a_change_made_through_this_instance_is_seen_by_the_next_lookup(Dialect dialect) {
        open(dialect);
        here.setWebhookId(userId, FIRST_HOOK);
        assertThat(here.byWebhookId(FIRST_HOOK)).map(JellyfinLink::scrobbleEnabled).contains(true);
        assertThat(recent().syncEnabled()).isFalse();

        here.setWebhookId(userId, SECOND_HOOK);
        here.setScrobbling(userId, false);
        here.setSync(userId, true);

        assertThat(here.byWebhookId(FIRST_HOOK)).as("the regenerated URL's old id").isEmpty();
        assertThat(here.byWebhookId(SECOND_HOOK)).map(JellyfinLink::scrobbleEnabled).contains(false);
        assertThat(recent().syncEnabled()).isTrue();
    }

    @Test
    void without_keeping_links_a_change_made_by_another_instance_is_seen_by_the_next_lookup(Dialect dialect) {
        open(dialect);
        JellyfinLinkRepository replica = new JellyfinLinkRepository(database.jdbi(), database.reads(), Clock.systemUTC(), false);
        here.setWebhookId(userId, FIRST_HOOK);
        assertThat(replica.byWebhookId(FIRST_HOOK)).map(JellyfinLink::scrobbleEnabled).contains(true);
        assertThat(database.jdbi().withHandle(h -> replica.recent(h, userId)).syncEnabled()).isFalse();

        here.setScrobbling(userId, false);
        here.setSync(userId, true);

        assertThat(replica.byWebhookId(FIRST_HOOK)).map(JellyfinLink::scrobbleEnabled).contains(false);
        assertThat(database.jdbi().withHandle(h -> replica.recent(h, userId)).syncEnabled()).isTrue();
        here.setWebhookId(userId, SECOND_HOOK);
        assertThat(replica.byWebhookId(FIRST_HOOK)).isEmpty();
    }

    @Test
    void a_change_made_by_another_instance_is_seen_once_the_kept_links_expire(Dialect dialect) throws Exception {
        open(dialect);
        here.setWebhookId(userId, FIRST_HOOK);
        assertThat(here.byWebhookId(FIRST_HOOK)).isPresent();
        assertThat(recent().syncEnabled()).isFalse();

        elsewhere.setWebhookId(userId, THIRD_HOOK);
        elsewhere.setSync(userId, true);
        Thread.sleep(RecentLinks.TTL.toMillis() + 50);

        assertThat(here.byWebhookId(FIRST_HOOK)).isEmpty();
        assertThat(here.byWebhookId(THIRD_HOOK)).map(JellyfinLink::userId).contains(userId);
        assertThat(recent().syncEnabled()).isTrue();
    }
}
