package app.pathary.notify;

import app.pathary.job.JobFailure;
import app.pathary.job.JobSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The job {@link JobSpec.NotificationSend}: sends one message to one channel and logs the attempt. A failure that may
 * pass (unreachable, 5xx, 429) is thrown, so the queue tries again with backoff; one that cannot (a 4xx, a channel that
 * is gone) fails the job for good. Either way it is in the log, with the reason.
 */
final class NotifyJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NotificationChannels channels;
    private final Map<String, ChannelSender> senders;
    private final SendLog log;

    NotifyJob(NotificationChannels channels, Map<String, ChannelSender> senders, SendLog log) {
        this.channels = channels;
        this.senders = senders;
        this.log = log;
    }

    static String json(Message message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String run(JobSpec.NotificationSend spec) {
        Message message;
        try {
            message = JSON.readValue(spec.message(), Message.class);
        } catch (JsonProcessingException e) {
            throw new JobFailure("The notification cannot be read: " + e.getOriginalMessage());
        }
        int attempt = log.nextAttempt(spec.key());
        var channel = channels.byName(spec.channel());
        if (channel.isEmpty()) {
            String why = "the channel " + spec.channel() + " is no longer configured";
            log.record(spec.key(), spec.channel(), message.event(), message.title(), attempt, false, why);
            throw new JobFailure("Not sent: " + why + ".");
        }
        try {
            senders.get(channel.get().kind()).send(channel.get(), message);
        } catch (SendFailure e) {
            log.record(spec.key(), spec.channel(), message.event(), message.title(), attempt, false,
                    e.getMessage() + (e.retryable() ? " (tried again later)" : ""));
            if (e.retryable()) {
                throw new IllegalStateException("Not sent: " + e.getMessage());
            }
            throw new JobFailure("Not sent: " + e.getMessage() + ".");
        }
        log.record(spec.key(), spec.channel(), message.event(), message.title(), attempt, true, "");
        return "Sent \"" + message.title() + "\" to " + spec.channel() + ".";
    }
}
