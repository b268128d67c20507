package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.SecretBox;
import app.pathary.config.ConfigException;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every instance on one database must hold the key that sealed its secrets, or it does not start. */
@BothDialects
class SecretKeyCheckTest {
    private static SecretBox key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new SecretBox(key);
    }

    @Test
    void instances_with_the_key_of_the_first_start_pass_and_one_with_another_key_is_refused_with_a_sentence(Dialect dialect) {
        try (Database database = TestDatabases.migrated(dialect)) {
            assertThatCode(() -> SecretKeyCheck.verify(database.jdbi(), key(1))).as("the first start").doesNotThrowAnyException();
            assertThatCode(() -> SecretKeyCheck.verify(database.jdbi(), key(1))).as("a replica with the same key").doesNotThrowAnyException();
            assertThatThrownBy(() -> SecretKeyCheck.verify(database.jdbi(), key(2)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("The secret key of this instance (APP_SECRET, or DATA_DIR/secret.key) is not the one that sealed the "
                            + "secrets in this database; every Pathary instance on one database needs the same key (give them all the "
                            + "same APP_SECRET, or restore the old secret.key).");
            assertThatCode(() -> SecretKeyCheck.verify(database.jdbi(), key(1))).as("the refused one changed nothing")
                    .doesNotThrowAnyException();
        }
    }
}
