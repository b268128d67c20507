package app.pathary.notify;

import app.pathary.config.ChannelOptions;

/**
 * A configured channel and where it comes from ({@code environment}, {@code CONFIG_FILE} or {@code page}; {@code id} is
 * set only for a channel saved on the page).
 */
public record Channel(Long id, String source, ChannelOptions options) {
    public String name() {
        return options.name();
    }

    public String kind() {
        return options.kind();
    }

    public boolean wants(NotifyEvent event) {
        return event == NotifyEvent.TEST || options.events().contains(event.value());
    }

    /** Where it sends, without a secret: the address (and ntfy topic, or e-mail recipients). */
    public String target() {
        return switch (options.kind()) {
            case "ntfy" -> options.url() + "/" + options.topic();
            case "email" -> options.to() + " via " + options.url();
            default -> shortened(options.url());
        };
    }

    /** A webhook address carries its token in the path (Discord's does): only its start is shown. */
    private static String shortened(String url) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? url : url.substring(0, Math.min(url.length(), slash + 1)) + "…";
    }
}
