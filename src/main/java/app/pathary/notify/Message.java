package app.pathary.notify;

import java.util.List;

/**
 * One notification, the same for every channel: the event, a title, a sentence or two, and its items (each a name and
 * a detail). Channels render it in their own shape.
 */
public record Message(String event, String title, String text, List<Item> items) {
    public Message {
        items = List.copyOf(items);
    }

    /** One line of a message: a title and what is said about it. */
    public record Item(String name, String detail) {
    }

    /** The message as plain text: the sentence, then one line per item. */
    public String plainText() {
        StringBuilder text = new StringBuilder(text());
        for (Item item : items) {
            text.append("\n- ").append(item.name()).append(item.detail().isEmpty() ? "" : ": " + item.detail());
        }
        return text.toString();
    }
}
