package app.pathary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeReceiver;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every channel kind receives Pathary's messages in its own shape, over real HTTP (local receivers) and real SMTP
 * (GreenMail), sent by the job queue and logged; each channel gets only its events; the page's "Send test" reaches one
 * channel; a channel saved on the page keeps its token sealed and never shows it.
 */
@BothDialects
class NotificationChannelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final FakeReceiver webhook = FakeReceiver.start();
    private final FakeReceiver ntfy = FakeReceiver.start();
    private final FakeReceiver discord = FakeReceiver.start();
    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final Dialect dialect;
    private TestApp app;

    NotificationChannelsTest(Dialect dialect) {
        this.dialect = dialect;
        smtp.start();
        smtp.setUser("pathary@example.org", "pathary", "mail-secret");
    }

    @AfterEach
    void stop() {
        app.close();
        webhook.close();
        ntfy.close();
        discord.close();
        smtp.stop();
    }

    private void start() {
        Map<String, String> env = new HashMap<>();
        env.put("NOTIFY_WEBHOOK_URL", webhook.url("/hooks/pathary").toString());
        env.put("NOTIFY_NTFY_URL", ntfy.url("").toString());
        env.put("NOTIFY_NTFY_TOPIC", "household");
        env.put("NOTIFY_NTFY_TOKEN", "tk_ntfy_secret");
        env.put("NOTIFY_DISCORD_URL", discord.url("/api/webhooks/123/discord-token").toString());
        env.put("NOTIFY_DISCORD_EVENTS", "leaving-soon");
        env.put("NOTIFY_SMTP_URL", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
        env.put("NOTIFY_SMTP_USER", "pathary");
        env.put("NOTIFY_SMTP_PASSWORD", "mail-secret");
        env.put("NOTIFY_EMAIL_FROM", "pathary@example.org");
        env.put("NOTIFY_EMAIL_TO", "dana@example.org, erik@example.org");
        env.put("NOTIFY_EMAIL_EVENTS", "leaving-soon,keep-decided");
        app = TestApp.start(TestDatabases.fresh(dialect), CLOCK, env);
    }

    @Test
    void the_leaving_soon_digest_reaches_every_channel_once_in_its_own_shape() throws Exception {
        start();
        app.app.notifications.leavingSoon(List.of(
                new LeavingSoonItem("Heat (1995)", LocalDate.of(2026, 3, 8), "watched by alice on 2026-01-03", "dana"),
                new LeavingSoonItem("Alien (1979)", LocalDate.of(2026, 3, 2), "watched by everyone", null)));

        JsonNode hook = JSON.readTree(webhook.await(1).getFirst().body());
        assertThat(webhook.received.getFirst().headers()).containsEntry("content-type", "application/json");
        assertThat(hook.path("source").asText()).isEqualTo("Pathary");
        assertThat(hook.path("event").asText()).isEqualTo("leaving-soon");
        assertThat(hook.path("title").asText()).isEqualTo("2 items are leaving soon");
        assertThat(hook.path("sentAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(hook.path("items")).hasSize(2);
        assertThat(hook.path("items").get(0).path("name").asText()).as("soonest first").isEqualTo("Alien (1979)");
        assertThat(hook.path("items").get(0).path("detail").asText()).isEqualTo("leaves on 2026-03-02 (in 1 day): watched by everyone");
        assertThat(hook.path("items").get(1).path("detail").asText())
                .isEqualTo("leaves on 2026-03-08 (in 7 days): watched by alice on 2026-01-03; requested by dana");

        FakeReceiver.Received push = ntfy.await(1).getFirst();
        assertThat(push.path()).isEqualTo("/household");
        assertThat(push.headers()).containsEntry("title", "2 items are leaving soon").containsEntry("authorization", "Bearer tk_ntfy_secret");
        assertThat(push.body()).contains("- Alien (1979): leaves on 2026-03-02 (in 1 day)", "- Heat (1995): leaves on 2026-03-08");

        JsonNode embed = JSON.readTree(discord.await(1).getFirst().body()).path("embeds").get(0);
        assertThat(discord.received.getFirst().path()).isEqualTo("/api/webhooks/123/discord-token");
        assertThat(embed.path("title").asText()).isEqualTo("2 items are leaving soon");
        assertThat(embed.path("fields")).hasSize(2);
        assertThat(embed.path("fields").get(1).path("name").asText()).isEqualTo("Heat (1995)");

        awaitLog(4);
        awaitMail(2);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("2 items are leaving soon");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("pathary@example.org");
        assertThat(GreenMailUtil.getBody(mail)).contains("Heat (1995): leaves on 2026-03-08 (in 7 days)");
        assertThat(smtp.getReceivedMessages()).as("one per recipient").hasSize(2);

        awaitLog(4);
        assertThat(app.app.notifications.log().recent(10)).allSatisfy(send -> {
            assertThat(send.ok()).isTrue();
            assertThat(send.attempt()).isEqualTo(1);
            assertThat(send.event()).isEqualTo("leaving-soon");
        }).extracting(SendLog.Send::channel).containsExactlyInAnyOrder("webhook", "ntfy", "discord", "email");
    }

    @Test
    void each_channel_gets_only_the_events_it_wants() throws Exception {
        start();
        app.app.notifications.keepRequested(new KeepRequest("Heat (1995)", "dana", LocalDate.of(2026, 3, 8), "Movie night on Friday"));
        app.app.notifications.keepDecided(new KeepDecision("Heat (1995)", "dana", true, "root", "Enjoy", LocalDate.of(2026, 4, 1)));

        List<FakeReceiver.Received> hooks = webhook.await(2);
        assertThat(hooks).extracting(r -> JSON.readTree(r.body()).path("event").asText())
                .containsExactlyInAnyOrder("keep-requested", "keep-decided");
        assertThat(hooks).extracting(r -> JSON.readTree(r.body()).path("message").asText()).contains(
                "dana asked to keep Heat (1995), which leaves on 2026-03-08. \"Movie night on Friday\"",
                "root approved dana's request to keep Heat (1995). It is kept until 2026-04-01. Note: Enjoy");
        assertThat(ntfy.await(2)).hasSize(2);
        awaitLog(5);
        awaitMail(2);
        assertThat(smtp.getReceivedMessages()).as("e-mail wants keep-decided only").extracting(MimeMessage::getSubject)
                .containsOnly("Keep request approved: Heat (1995)");
        assertThat(discord.received).as("Discord wants leaving-soon only").isEmpty();
    }

    @Test
    void send_test_on_the_page_reaches_that_channel_and_the_log_shows_it_without_secrets() {
        start();
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        WebClient admin = app.client();
        admin.logIn("root", "password1");

        var answer = admin.submit("/admin/notifications", "/admin/notifications/test", Map.of("name", "ntfy"));

        assertThat(answer.statusCode()).isEqualTo(302);
        FakeReceiver.Received push = ntfy.await(1).getFirst();
        assertThat(push.headers()).containsEntry("title", "Pathary test notification");
        assertThat(webhook.received).isEmpty();
        awaitLog(1);
        String page = admin.get("/admin/notifications").body();
        assertThat(page).contains("Pathary test notification", "sent", "household", discord.url("/").toString() + "…")
                .doesNotContain("tk_ntfy_secret", "mail-secret", "discord-token");
    }

    @Test
    void a_channel_saved_on_the_page_is_used_its_token_sealed_and_never_shown_and_a_bad_field_is_named() {
        start();
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        WebClient admin = app.client();
        admin.logIn("root", "password1");
        FakeReceiver own = FakeReceiver.start();
        try {
            admin.submit("/admin/notifications", "/admin/notifications/channels", Map.of("name", "phones", "kind", "ntfy",
                    "url", own.url("").toString(), "topic", "phones", "secret", "tk_page_secret", "events", "deleted"));
            String sealed = app.app.database.jdbi().withHandle(h -> h.createQuery("SELECT secret FROM notify_channels WHERE name = 'phones'")
                    .mapTo(String.class).one());
            assertThat(sealed).isNotEmpty().doesNotContain("tk_page_secret");
            assertThat(admin.get("/admin/notifications").body()).contains("phones", "page").doesNotContain("tk_page_secret");

            app.app.notifications.deleted(new RunSummary(7, "root", 1, 7_000_000_000L,
                    Map.of("radarr", new RunSummary.InstanceCount(1, 7_000_000_000L)), 0, 0));
            FakeReceiver.Received push = own.await(1).getFirst();
            assertThat(push.headers()).containsEntry("title", "Cleanup deleted 1 item (7.0 GB)").containsEntry("authorization", "Bearer tk_page_secret");
            assertThat(push.body()).isEqualTo("Plan 7, started by root: 1 item deleted, 7.0 GB freed.\n- radarr: 1 item, 7.0 GB");

            admin.submit("/admin/notifications", "/admin/notifications/channels", Map.of("name", "mail", "kind", "email",
                    "url", "smtp://mail.example.org:587", "to", "dana@example.org", "events", "deleted"));
            assertThat(admin.get("/admin/notifications").body()).contains("the sender address (from) is missing");
            assertThat(app.app.notifications.channels().byName("mail")).isEmpty();
        } finally {
            own.close();
        }
    }

    /** Waits until GreenMail holds {@code count} messages (one per recipient). */
    private void awaitMail(int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (smtp.getReceivedMessages().length < count && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(smtp.getReceivedMessages()).as("sends: %s", app.app.notifications.log().recent(10)).hasSizeGreaterThanOrEqualTo(count);
    }

    private void awaitLog(int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (app.app.notifications.log().recent(100).size() < count && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(app.app.notifications.log().recent(100)).hasSizeGreaterThanOrEqualTo(count);
    }
}
