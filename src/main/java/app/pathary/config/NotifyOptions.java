package app.pathary.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Notification channels set by the environment (one of each kind at most):
 * NOTIFY_WEBHOOK_URL; NOTIFY_NTFY_URL + NOTIFY_NTFY_TOPIC (+ NOTIFY_NTFY_TOKEN); NOTIFY_DISCORD_URL;
 * NOTIFY_SMTP_URL + NOTIFY_EMAIL_FROM + NOTIFY_EMAIL_TO (+ NOTIFY_SMTP_USER, NOTIFY_SMTP_PASSWORD); each with
 * NOTIFY_&lt;KIND&gt;_EVENTS (default: every event). CONFIG_FILE adds a {@code notifications:} list.
 */
public record NotifyOptions(List<ChannelOptions> channels) {
    public NotifyOptions {
        channels = List.copyOf(channels);
    }

    public static NotifyOptions none() {
        return new NotifyOptions(List.of());
    }

    public static NotifyOptions parse(Environment env) {
        List<ChannelOptions> channels = new ArrayList<>();
        env.get("NOTIFY_WEBHOOK_URL").ifPresent(url -> channels.add(new ChannelOptions("webhook", "webhook", url, "", "", "", "", "",
                ChannelOptions.events("NOTIFY_WEBHOOK_EVENTS", env.get("NOTIFY_WEBHOOK_EVENTS").orElse(""))).checked("NOTIFY_WEBHOOK_URL")));
        env.get("NOTIFY_NTFY_URL").ifPresent(url -> channels.add(new ChannelOptions("ntfy", "ntfy", url, env.get("NOTIFY_NTFY_TOPIC").orElse(""),
                "", env.get("NOTIFY_NTFY_TOKEN").orElse(""), "", "",
                ChannelOptions.events("NOTIFY_NTFY_EVENTS", env.get("NOTIFY_NTFY_EVENTS").orElse(""))).checked("NOTIFY_NTFY_URL / NOTIFY_NTFY_TOPIC")));
        env.get("NOTIFY_DISCORD_URL").ifPresent(url -> channels.add(new ChannelOptions("discord", "discord", url, "", "", "", "", "",
                ChannelOptions.events("NOTIFY_DISCORD_EVENTS", env.get("NOTIFY_DISCORD_EVENTS").orElse(""))).checked("NOTIFY_DISCORD_URL")));
        env.get("NOTIFY_SMTP_URL").ifPresent(url -> channels.add(new ChannelOptions("email", "email", url, "", env.get("NOTIFY_SMTP_USER").orElse(""),
                env.get("NOTIFY_SMTP_PASSWORD").orElse(""), env.get("NOTIFY_EMAIL_FROM").orElse(""), env.get("NOTIFY_EMAIL_TO").orElse(""),
                ChannelOptions.events("NOTIFY_EMAIL_EVENTS", env.get("NOTIFY_EMAIL_EVENTS").orElse("")))
                .checked("NOTIFY_SMTP_URL / NOTIFY_EMAIL_FROM / NOTIFY_EMAIL_TO")));
        return new NotifyOptions(channels);
    }
}
