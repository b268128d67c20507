package app.pathary.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The generic webhook: a JSON POST, documented in the README:
 * {@code {"source":"Pathary","event":"deleted","title":…,"message":…,"items":[{"name":…,"detail":…}],"sentAt":"…Z"}}.
 */
final class WebhookSender implements ChannelSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpPost post;
    private final Clock clock;

    WebhookSender(HttpPost post, Clock clock) {
        this.post = post;
        this.clock = clock;
    }

    @Override
    public void send(Channel channel, Message message) {
        post.post(channel, URI.create(channel.options().url()), body(message, clock), Map.of("Content-Type", "application/json"));
    }

    static String body(Message message, Clock clock) {
        ObjectNode body = JSON.createObjectNode();
        body.put("source", "Pathary");
        body.put("event", message.event());
        body.put("title", message.title());
        body.put("message", message.text());
        ArrayNode items = body.putArray("items");
        message.items().forEach(item -> items.addObject().put("name", item.name()).put("detail", item.detail()));
        body.put("sentAt", clock.instant().toString());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
