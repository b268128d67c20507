package app.pathary.notify;

import java.util.Arrays;

/** What a notification is about; {@link #value()} is the name used in settings and in the webhook's {@code event}. */
public enum NotifyEvent {
    LEAVING_SOON("leaving-soon"),
    DELETED("deleted"),
    RUN_STOPPED("run-stopped"),
    KEEP_REQUESTED("keep-requested"),
    KEEP_DECIDED("keep-decided"),
    TEST("test");

    private final String value;

    NotifyEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static NotifyEvent of(String value) {
        return Arrays.stream(values()).filter(e -> e.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event " + value));
    }
}
