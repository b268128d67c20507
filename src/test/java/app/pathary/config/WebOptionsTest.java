package app.pathary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** BASE_PATH, TRUSTED_PROXIES and LOG_FORMAT as an operator writes them, and the sentence a wrong value stops startup with. */
class WebOptionsTest {
    private static AppConfig config(Map<String, String> env) {
        return AppConfig.from(new Environment(env));
    }

    @Test
    void base_path_is_normalised_and_application_url_gets_it() {
        assertThat(config(Map.of()).web().basePath()).isEmpty();
        assertThat(config(Map.of("BASE_PATH", "/")).web().basePath()).isEmpty();
        assertThat(config(Map.of("BASE_PATH", "pathary/")).web().basePath()).isEqualTo("/pathary");
        assertThat(config(Map.of("BASE_PATH", "/apps/pathary")).web().basePath()).isEqualTo("/apps/pathary");
        assertThat(config(Map.of("BASE_PATH", "/pathary", "APPLICATION_URL", "https://media.example.org")).applicationUrl())
                .hasValueSatisfying(url -> assertThat(url).hasToString("https://media.example.org/pathary"));
        assertThat(config(Map.of("BASE_PATH", "/pathary", "APPLICATION_URL", "https://media.example.org/pathary/")).applicationUrl())
                .hasValueSatisfying(url -> assertThat(url).hasToString("https://media.example.org/pathary"));
    }

    @Test
    void a_base_path_that_is_not_a_plain_path_or_disagrees_with_application_url_stops_startup() {
        for (String bad : new String[] {"/path ary", "/a/../b", "/x?y=1", "/..", "/a//b"}) {
            assertThatThrownBy(() -> config(Map.of("BASE_PATH", bad))).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("BASE_PATH must be a path such as /pathary");
        }
        assertThatThrownBy(() -> config(Map.of("BASE_PATH", "/pathary", "APPLICATION_URL", "https://media.example.org/other")))
                .hasMessage("APPLICATION_URL ends in the path /other, but BASE_PATH is /pathary; give both the same path "
                        + "(the proxy forwards it unchanged).");
    }

    @Test
    void trusted_proxies_take_ipv4_and_ipv6_addresses_and_blocks() {
        TrustedProxies proxies = config(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.7, fd00::/8, ::1")).web().trustedProxies();
        assertThat(proxies.trusts("10.200.3.4")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.168.1.7")).isTrue();
        assertThat(proxies.trusts("192.168.1.8")).isFalse();
        assertThat(proxies.trusts("fd12:3456::1")).isTrue();
        assertThat(proxies.trusts("[fd12:3456::1]")).isTrue();
        assertThat(proxies.trusts("fe80::1")).isFalse();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("::ffff:10.1.1.1")).as("IPv4-mapped IPv6, as a dual-stack socket reports IPv4").isTrue();
        assertThat(proxies.trusts("localhost")).as("names are never looked up").isFalse();
        assertThat(proxies.trusts(null)).isFalse();
        TrustedProxies narrow = TrustedProxies.parse("172.16.0.0/12,2001:db8:abcd::/48");
        assertThat(narrow.trusts("172.31.255.255")).isTrue();
        assertThat(narrow.trusts("172.32.0.0")).isFalse();
        assertThat(narrow.trusts("2001:db8:abcd:ffff::9")).isTrue();
        assertThat(narrow.trusts("2001:db8:abce::9")).isFalse();
        assertThat(config(Map.of()).web().trustedProxies().trusts("127.0.0.1")).as("none by default").isFalse();
    }

    @Test
    void an_invalid_trusted_proxy_stops_startup_naming_the_variable() {
        for (String bad : new String[] {"10.0.0.0/33", "300.1.1.1", "proxy.local", "10.0.0.0/", "fd00::/129", "10.0.0.0/8/1", "1.2.3.4:80"}) {
            assertThatThrownBy(() -> config(Map.of("TRUSTED_PROXIES", "127.0.0.1, " + bad))).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessage("TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR blocks such as "
                            + "10.0.0.0/8, 172.16.0.0/12, fd00::/8, not '" + bad + "'.");
        }
    }

    @Test
    void log_format_is_text_or_json() {
        assertThat(config(Map.of()).web().logFormat()).isEqualTo("text");
        assertThat(config(Map.of("LOG_FORMAT", "JSON")).web().logFormat()).isEqualTo("json");
        assertThatThrownBy(() -> config(Map.of("LOG_FORMAT", "xml"))).hasMessage("LOG_FORMAT must be text or json, not 'xml'.");
    }
}
