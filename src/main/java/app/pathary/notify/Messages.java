package app.pathary.notify;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pure: the words of each event's message. */
final class Messages {
    private Messages() {
    }

    static Message leavingSoon(List<LeavingSoonItem> items, LocalDate today) {
        List<Message.Item> lines = items.stream().sorted(Comparator.comparing(LeavingSoonItem::leavingOn).thenComparing(LeavingSoonItem::title))
                .map(item -> {
                    long days = ChronoUnit.DAYS.between(today, item.leavingOn());
                    String when = "leaves on " + item.leavingOn() + " (" + (days <= 0 ? "today" : days == 1 ? "in 1 day" : "in " + days + " days") + ")";
                    String requested = item.requestedBy() == null || item.requestedBy().isBlank() ? "" : "; requested by " + item.requestedBy();
                    return new Message.Item(item.title(), when + (item.reason().isBlank() ? "" : ": " + item.reason()) + requested);
                }).toList();
        String title = items.size() == 1 ? "1 item is leaving soon" : items.size() + " items are leaving soon";
        return new Message(NotifyEvent.LEAVING_SOON.value(), title,
                "Pathary will delete these unless someone keeps them. Ask to keep one on the Leaving soon page.", lines);
    }

    static Message deleted(RunSummary run) {
        List<Message.Item> lines = new ArrayList<>();
        for (Map.Entry<String, RunSummary.InstanceCount> instance : new java.util.TreeMap<>(run.byInstance()).entrySet()) {
            lines.add(new Message.Item(instance.getKey(), app.pathary.common.Plural.of(instance.getValue().items(), "item") + ", " + bytes(instance.getValue().bytes())));
        }
        String text = "Plan " + run.planId() + ", started by " + run.startedBy() + ": " + app.pathary.common.Plural.of(run.deleted(), "item") + " deleted, "
                + bytes(run.bytes()) + " freed" + (run.skipped() + run.failed() == 0 ? "." : "; " + run.skipped() + " skipped, " + run.failed()
                + " failed.");
        return new Message(NotifyEvent.DELETED.value(), "Cleanup deleted " + run.deleted() + (run.deleted() == 1 ? " item" : " items")
                + " (" + bytes(run.bytes()) + ")", text, lines);
    }

    static Message runStopped(String reason) {
        return new Message(NotifyEvent.RUN_STOPPED.value(), "Cleanup stopped", reason, List.of());
    }

    static Message keepRequested(KeepRequest request) {
        String text = request.requestedBy() + " asked to keep " + request.title() + (request.leavingOn() == null ? "" : ", which leaves on "
                + request.leavingOn()) + "." + (request.comment() == null || request.comment().isBlank() ? "" : " \"" + request.comment().strip() + "\"");
        return new Message(NotifyEvent.KEEP_REQUESTED.value(), "Keep request: " + request.title(), text, List.of());
    }

    static Message keepDecided(KeepDecision decision) {
        String verdict = decision.approved() ? "approved" : "declined";
        String until = decision.approved() ? decision.keptUntil() == null ? " It is kept for good." : " It is kept until " + decision.keptUntil() + "."
                : "";
        String text = decision.decidedBy() + " " + verdict + " " + decision.requestedBy() + "'s request to keep " + decision.title() + "." + until
                + (decision.note() == null || decision.note().isBlank() ? "" : " Note: " + decision.note().strip());
        return new Message(NotifyEvent.KEEP_DECIDED.value(), "Keep request " + verdict + ": " + decision.title(), text, List.of());
    }

    static Message test(String channel) {
        return new Message(NotifyEvent.TEST.value(), "Pathary test notification",
                "This is a test from Pathary's notification settings; the channel " + channel + " works.", List.of());
    }

    /** 1.5 GB, 700 MB, 12 KB, 5 bytes (decimal units, as disks are sold). */
    static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }
}
