package app.pathary.notify;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ntfy: the message as plain text POSTed to {@code {url}/{topic}}, its title in the {@code Title} header (ntfy reads
 * RFC 2047 for non-ASCII header values, so those are encoded), tags by event, and the token as a bearer token when set.
 */
final class NtfySender implements ChannelSender {
    private final HttpPost post;

    NtfySender(HttpPost post) {
        this.post = post;
    }

    @Override
    public void send(Channel channel, Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("Title", header(message.title()));
        headers.put("Tags", switch (message.event()) {
            case "leaving-soon" -> "hourglass";
            case "deleted" -> "wastebasket";
            case "run-stopped" -> "warning";
            default -> "bell";
        });
        if (!channel.options().secret().isEmpty()) {
            headers.put("Authorization", "Bearer " + channel.options().secret());
        }
        post.post(channel, URI.create(channel.options().url() + "/" + channel.options().topic()), message.plainText(), headers);
    }

    /** ASCII as is; anything else as an RFC 2047 UTF-8 encoded word. */
    static String header(String value) {
        String flat = value.replaceAll("[\\r\\n]+", " ");
        if (flat.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return flat;
        }
        return "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(flat.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=";
    }
}
