package app.pathary;

import app.pathary.cleanup.leaving.KeepRequest;
import app.pathary.cleanup.leaving.LeavingItem;
import app.pathary.cleanup.leaving.LeavingSoonEvents;
import app.pathary.notify.KeepDecision;
import app.pathary.notify.LeavingSoonItem;
import app.pathary.notify.Notifications;
import java.util.List;

/**
 * Tells notifications what the leaving-soon lifecycle did: the digest of newly announced items, keep requests made
 * and decided. A failed notification is the notifier's business (logged, retried); it never reaches the schedule.
 */
final class LeavingNotices implements LeavingSoonEvents {
    private final Notifications notifications;

    LeavingNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void announced(List<LeavingItem> items) {
        notifications.leavingSoon(items.stream().map(item -> new LeavingSoonItem(item.title(), item.leavesOn(), item.reasons(), null)).toList());
    }

    @Override
    public void keepRequested(KeepRequest request) {
        // the request does not carry the item's date; the message then leaves the date out
        notifications.keepRequested(new app.pathary.notify.KeepRequest(request.title(), request.requestedBy(), null, request.comment()));
    }

    @Override
    public void keepDecided(KeepRequest request) {
        notifications.keepDecided(new KeepDecision(request.title(), request.requestedBy(), KeepRequest.APPROVED.equals(request.status()),
                request.decidedBy(), request.note(), request.keepUntil()));
    }
}
