package app.pathary.jellyfin.scrobble;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.jellyfin.link.RecentDeliveries;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delivery log keeps each user's newest deliveries: trimmed every {@link DeliveryLog#TRIM_EVERY} deliveries, it
 * never holds more than {@link DeliveryLog#KEPT} + TRIM_EVERY rows of a user, never fewer than KEPT once there were
 * that many, and never touches another user's rows.
 */
@BothDialects
class DeliveryLogTest {
    @Test
    void a_user_keeps_the_newest_deliveries_within_the_trim_margin_and_others_are_untouched(Dialect dialect) {
        try (Database database = TestDatabases.migrated(dialect)) {
            long busy = user(database, "busy");
            long quiet = user(database, "quiet");
            DeliveryLog log = new DeliveryLog(database.writes(), database.reads(), Clock.systemUTC());
            log.record(quiet, "Quiet film", "recorded", null);
            int most = 0;
            int total = DeliveryLog.KEPT + 3 * DeliveryLog.TRIM_EVERY + 7;
            for (int i = 1; i <= total; i++) {
                log.record(busy, "Film " + i, "recorded", null);
                int rows = rows(database, busy);
                most = Math.max(most, rows);
                assertThat(rows).as("after %d deliveries", i).isGreaterThanOrEqualTo(Math.min(i, DeliveryLog.KEPT));
            }
            assertThat(most).isLessThanOrEqualTo(DeliveryLog.KEPT + DeliveryLog.TRIM_EVERY).isGreaterThan(DeliveryLog.KEPT);
            List<RecentDeliveries.Delivery> latest = log.latest(busy, 3);
            assertThat(latest).extracting(RecentDeliveries.Delivery::title)
                    .containsExactly("Film " + total, "Film " + (total - 1), "Film " + (total - 2));
            assertThat(rows(database, quiet)).isEqualTo(1);
        }
    }

    private static long user(Database database, String name) {
        return database.jdbi().withHandle(h -> h.createQuery("INSERT INTO users (name, email, password_hash, is_admin, created_at) "
                + "VALUES (:n, :e, 'x', false, 0) RETURNING id").bind("n", name).bind("e", name + "@example.org").mapTo(Long.class).one());
    }

    private static int rows(Database database, long userId) {
        return database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM jellyfin_deliveries WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).one());
    }
}
