package app.pathary.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private final byte[] key = new byte[32];
    private final SecretBox box = new SecretBox(key);

    @Property(tries = 200)
    void whatever_is_sealed_opens_to_the_same_text(@ForAll String secret) {
        assertThat(box.decrypt(box.encrypt(secret))).isEqualTo(secret);
    }

    @Test
    void the_same_secret_seals_differently_each_time_and_does_not_show_in_the_sealed_form() {
        String a = box.encrypt("jellyfin-token-123");
        String b = box.encrypt("jellyfin-token-123");
        assertThat(a).isNotEqualTo(b).startsWith("v1:").doesNotContain("jellyfin-token-123");
    }

    @Test
    void another_key_or_an_altered_value_cannot_open_it() {
        String sealed = box.encrypt("secret");
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 1);
        assertThatThrownBy(() -> new SecretBox(otherKey).decrypt(sealed)).hasMessageContaining("key");
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThatThrownBy(() -> box.decrypt(altered)).isInstanceOf(IllegalStateException.class);
    }
}
