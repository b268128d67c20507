package app.pathary.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;

/**
 * A Discord webhook: one embed with the title, the sentence and up to 25 items as fields; the text is kept inside
 * Discord's limits (title 256, description 4096, field 1024, 6,000 in all), with "… and N more" when items are cut.
 */
final class DiscordSender implements ChannelSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_FIELDS = 25;
    private final HttpPost post;

    DiscordSender(HttpPost post) {
        this.post = post;
    }

    @Override
    public void send(Channel channel, Message message) {
        post.post(channel, URI.create(channel.options().url()), body(message), Map.of("Content-Type", "application/json"));
    }

    static String body(Message message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("username", "Pathary");
        ObjectNode embed = body.putArray("embeds").addObject();
        embed.put("title", cut(message.title(), 256));
        embed.put("color", switch (message.event()) {
            case "leaving-soon" -> 0xF0AD4E;
            case "deleted" -> 0x5CB85C;
            case "run-stopped" -> 0xD9534F;
            default -> 0x0D6EFD;
        });
        int used = message.title().length();
        int shown = Math.min(message.items().size(), MAX_FIELDS);
        String more = message.items().size() > shown ? "\n… and " + (message.items().size() - shown) + " more" : "";
        String description = cut(message.text() + more, 4096);
        embed.put("description", description);
        used += description.length();
        ArrayNode fields = embed.putArray("fields");
        for (int i = 0; i < shown; i++) {
            Message.Item item = message.items().get(i);
            String name = cut(item.name(), 256);
            String value = cut(item.detail().isEmpty() ? "-" : item.detail(), 1024);
            if (used + name.length() + value.length() > 5900) {
                break;
            }
            used += name.length() + value.length();
            fields.addObject().put("name", name).put("value", value).put("inline", false);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
