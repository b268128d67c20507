package app.pathary.notify;

import app.pathary.common.InvalidInputException;
import app.pathary.common.SecretBox;
import app.pathary.config.NotifyOptions;
import app.pathary.config.ReloadableConfigFile;
import app.pathary.job.JobQueue;
import app.pathary.job.JobSpec;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications: the facade the rest of Pathary tells of events. Each event becomes one message, queued as one durable
 * job per channel that wants it (at most one message per channel per call); the job sends it, is retried with backoff,
 * and logs every attempt. Telling never blocks and never throws: a notification cannot change a deletion.
 */
public final class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private final NotificationChannels channels;
    private final SendLog log;
    private final JobQueue jobs;
    private final NotifyJob job;
    private final Clock clock;
    private final ZoneId zone;

    private Notifications(NotificationChannels channels, SendLog log, JobQueue jobs, NotifyJob job, Clock clock, ZoneId zone) {
        this.channels = channels;
        this.log = log;
        this.jobs = jobs;
        this.job = job;
        this.clock = clock;
        this.zone = zone;
    }

    /** The database, the channels set by the environment and CONFIG_FILE, the secret box, the clock and zone. */
    public record Wiring(Jdbi jdbi, NotifyOptions environment, ReloadableConfigFile configFile, SecretBox secrets, Clock clock, ZoneId zone) {
    }

    public static Notifications wire(Wiring wiring, JobQueue jobs, HttpClient http, Duration timeout) {
        NotificationChannels channels = new NotificationChannels(wiring.jdbi(), wiring.environment(), wiring.configFile(), wiring.secrets(),
                wiring.clock());
        SendLog log = new SendLog(wiring.jdbi(), wiring.clock());
        HttpPost post = new HttpPost(http, timeout);
        Map<String, ChannelSender> senders = Map.of("webhook", new WebhookSender(post, wiring.clock()), "ntfy", new NtfySender(post),
                "discord", new DiscordSender(post), "email", new EmailSender(timeout));
        return new Notifications(channels, log, jobs, new NotifyJob(channels, senders, log), wiring.clock(), wiring.zone());
    }

    /** The leaving-soon digest: the newly announced items in one message per channel; nothing when the list is empty. */
    public void leavingSoon(List<LeavingSoonItem> items) {
        if (!items.isEmpty()) {
            publish(Messages.leavingSoon(items, LocalDate.now(clock.withZone(zone))));
        }
    }

    /** The summary of a cleanup execution; nothing when it deleted nothing. */
    public void deleted(RunSummary run) {
        if (run.deleted() > 0) {
            publish(Messages.deleted(run));
        }
    }

    /** A cleanup run stopped or failed: the reason sentence. */
    public void runStopped(String reason) {
        publish(Messages.runStopped(reason == null || reason.isBlank() ? "The cleanup run failed without a reason." : reason));
    }

    public void keepRequested(KeepRequest request) {
        publish(Messages.keepRequested(request));
    }

    public void keepDecided(KeepDecision decision) {
        publish(Messages.keepDecided(decision));
    }

    /** Queues a test message to one channel (the page's "Send test"). */
    public void test(String channel) {
        Channel target = channels.byName(channel).orElseThrow(() -> new InvalidInputException("There is no channel named " + channel + "."));
        enqueue(target, Messages.test(channel));
    }

    private void publish(Message message) {
        try {
            for (Channel channel : channels.all()) {
                if (channel.wants(NotifyEvent.of(message.event()))) {
                    enqueue(channel, message);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("A {} notification could not be queued: {}", message.event(), e.toString());
        }
    }

    private void enqueue(Channel channel, Message message) {
        jobs.enqueue(new JobSpec.NotificationSend(channel.name(), NotifyJob.json(message), UUID.randomUUID().toString()));
    }

    /** Runs the job {@link JobSpec.NotificationSend}. */
    public String run(JobSpec.NotificationSend spec) {
        return job.run(spec);
    }

    public NotificationChannels channels() {
        return channels;
    }

    public SendLog log() {
        return log;
    }

    public List<WebRoutes> routes(Pages pages) {
        return List.of(new NotificationPages(pages, this, zone));
    }
}
