package app.pathary.jellyfin.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What {@link RecentLinks} keeps: never a link read across a change, never an unknown webhook id. */
class RecentLinksTest {
    private static final String FIRST_HOOK = "00000000-0000-4000-8000-000000000001";

    @Test
    void a_link_read_while_a_change_was_being_made_is_not_kept() {
        RecentLinks links = new RecentLinks(RecentLinks.TTL);
        AtomicInteger reads = new AtomicInteger();
        JellyfinLink before = JellyfinLink.empty(7);
        JellyfinLink after = new JellyfinLink(7, FIRST_HOOK, false, null, null, null, null, false, false, false);

        assertThat(links.byWebhookId(FIRST_HOOK, () -> {
            reads.incrementAndGet();
            links.changed();
            return Optional.of(before);
        })).contains(before);
        assertThat(links.byWebhookId(FIRST_HOOK, () -> {
            reads.incrementAndGet();
            return Optional.of(after);
        })).as("read again, not the link read across the change").contains(after);
        assertThat(reads).hasValue(2);
    }

    @Test
    void an_unknown_webhook_id_is_looked_up_every_time() {
        RecentLinks links = new RecentLinks(RecentLinks.TTL);
        AtomicInteger reads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(links.byWebhookId(FIRST_HOOK, () -> {
                reads.incrementAndGet();
                return Optional.empty();
            })).isEmpty();
        }
        assertThat(reads).hasValue(3);
    }
}
