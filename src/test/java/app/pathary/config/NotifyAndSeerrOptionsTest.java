package app.pathary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NOTIFY_*, CONFIG_FILE notifications and SEERR_* are parsed once; a bad value stops startup with one sentence naming it. */
class NotifyAndSeerrOptionsTest {
    @TempDir
    Path dir;

    @Test
    void every_channel_kind_is_read_from_the_environment_with_its_events() {
        NotifyOptions options = NotifyOptions.parse(new Environment(Map.of("NOTIFY_WEBHOOK_URL", "https://hooks.example.org/pathary/",
                "NOTIFY_NTFY_URL", "https://ntfy.sh", "NOTIFY_NTFY_TOPIC", "household", "NOTIFY_NTFY_TOKEN", "tk_x",
                "NOTIFY_NTFY_EVENTS", "deleted, leaving-soon", "NOTIFY_DISCORD_URL", "https://discord.com/api/webhooks/1/abc",
                "NOTIFY_SMTP_URL", "smtps://mail.example.org:465", "NOTIFY_EMAIL_FROM", "pathary@example.org", "NOTIFY_EMAIL_TO", "dana@example.org")));

        assertThat(options.channels()).extracting(ChannelOptions::name).containsExactly("webhook", "ntfy", "discord", "email");
        assertThat(options.channels().getFirst().url()).isEqualTo("https://hooks.example.org/pathary");
        assertThat(options.channels().getFirst().events()).isEqualTo(ChannelOptions.EVENTS);
        assertThat(options.channels().get(1).events()).as("in the documented order").containsExactly("leaving-soon", "deleted");
        assertThat(options.channels().get(1).secret()).isEqualTo("tk_x");
        assertThat(options.channels().get(1).toString()).doesNotContain("tk_x");
        assertThat(options.channels().get(3).url()).isEqualTo("smtps://mail.example.org:465");
    }

    @Test
    void a_bad_channel_setting_names_the_variable() {
        assertThatThrownBy(() -> NotifyOptions.parse(new Environment(Map.of("NOTIFY_NTFY_URL", "https://ntfy.sh"))))
                .isInstanceOf(ConfigException.class).hasMessage("NOTIFY_NTFY_URL / NOTIFY_NTFY_TOPIC: the ntfy topic must be 1 to 64 letters, digits, - or _.");
        assertThatThrownBy(() -> NotifyOptions.parse(new Environment(Map.of("NOTIFY_WEBHOOK_URL", "https://x.org", "NOTIFY_WEBHOOK_EVENTS", "deleted,everything"))))
                .isInstanceOf(ConfigException.class).hasMessage("NOTIFY_WEBHOOK_EVENTS names an unknown event 'everything'; the events are "
                        + "leaving-soon, deleted, run-stopped, keep-requested, keep-decided.");
        assertThatThrownBy(() -> NotifyOptions.parse(new Environment(Map.of("NOTIFY_SMTP_URL", "mail.example.org", "NOTIFY_EMAIL_FROM", "a@b.c",
                "NOTIFY_EMAIL_TO", "d@e.f")))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("NOTIFY_SMTP_URL / NOTIFY_EMAIL_FROM / NOTIFY_EMAIL_TO: the url must be smtp://host:port or smtps://host:port");
    }

    @Test
    void config_file_notifications_are_read_with_a_secret_file_and_checked_by_key() throws IOException {
        Path secret = Files.writeString(dir.resolve("ntfy-token"), "tk_file\n");
        Path file = Files.writeString(dir.resolve("pathary.yml"), """
                notifications:
                  - name: family
                    kind: ntfy
                    url: https://ntfy.example.org
                    topic: family
                    secretFile: %s
                    events: [leaving-soon, keep-decided]
                  - { name: hook, kind: webhook, url: "https://hooks.example.org/p" }
                """.formatted(secret));

        ConfigFile parsed = ConfigFile.read(file);

        assertThat(parsed.notifications()).extracting(ChannelOptions::name).containsExactly("family", "hook");
        assertThat(parsed.notifications().getFirst().secret()).isEqualTo("tk_file");
        assertThat(parsed.notifications().getFirst().events()).containsExactly("leaving-soon", "keep-decided");
        Path bad = Files.writeString(dir.resolve("bad.yml"), "notifications:\n  - { name: x, kind: pager, url: https://x.org }\n");
        assertThatThrownBy(() -> ConfigFile.read(bad)).isInstanceOf(ConfigException.class)
                .hasMessage("CONFIG_FILE " + bad + " key notifications[0]: the kind must be one of webhook, ntfy, discord, email, not 'pager'.");
        Path typo = Files.writeString(dir.resolve("typo.yml"), "notifications:\n  - { name: x, kind: webhook, url: https://x.org, event: [deleted] }\n");
        assertThatThrownBy(() -> ConfigFile.read(typo)).isInstanceOf(ConfigException.class).hasMessageContaining("unknown key notifications[0].event");
    }

    @Test
    void seerr_is_off_without_its_url_and_needs_its_key_with_it() {
        SeerrOptions off = SeerrOptions.parse(new Environment(Map.of()));
        assertThat(off.url()).isEmpty();
        assertThat(off.protect()).isEqualTo(Duration.ofDays(30));
        assertThat(off.resetAfterDelete()).isTrue();

        SeerrOptions on = SeerrOptions.parse(new Environment(Map.of("SEERR_URL", "http://seerr:5055/", "SEERR_API_KEY", "k",
                "CLEANUP_SEERR_PROTECT_DAYS", "14", "CLEANUP_SEERR_RESET", "false")));
        assertThat(on.url()).contains(URI.create("http://seerr:5055"));
        assertThat(on.protect()).isEqualTo(Duration.ofDays(14));
        assertThat(on.resetAfterDelete()).isFalse();

        assertThatThrownBy(() -> SeerrOptions.parse(new Environment(Map.of("SEERR_URL", "http://seerr:5055"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SEERR_URL is set but SEERR_API_KEY is not");
        assertThatThrownBy(() -> SeerrOptions.parse(new Environment(Map.of("CLEANUP_SEERR_PROTECT_DAYS", "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CLEANUP_SEERR_PROTECT_DAYS");
        assertThat(List.of(on.toString())).noneMatch(text -> text.contains("apiKey=k,"));
    }
}
