package app.pathary.cleanup.leaving;

import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/cleanup/leaving}: what leaves when and why, for every signed-in user (badges, plugins). */
final class LeavingApi implements WebRoutes {
    private final LeavingSoon leaving;

    LeavingApi(LeavingSoon leaving) {
        this.leaving = leaving;
    }

    record Item(String key, String kind, String title, String instance, List<String> jellyfinIds, long bytes, String reasons,
            LocalDate firstSeen, LocalDate leavesOn, long daysLeft) {
    }

    record Left(String key, String kind, String title, String state, String outcome, LocalDate leavesOn) {
    }

    record Day(LocalDate date, int items, long bytes) {
    }

    record Answer(LocalDate today, int leavingSoonDays, List<Item> items, List<Day> days, List<Left> left) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/cleanup/leaving", ctx -> {
            LocalDate today = leaving.today();
            List<LeavingItem> items = leaving.leaving();
            ctx.json(new Answer(today, leaving.options().days(),
                    items.stream().map(i -> new Item(i.key(), i.kind(), i.title(), i.instance(), i.jellyfinIds(), i.bytes(), i.reasons(),
                            i.firstSeen(), i.leavesOn(), i.daysLeft(today))).toList(),
                    LeavingCalendar.of(items, today).stream().map(d -> new Day(d.date(), d.items().size(), d.bytes())).toList(),
                    leaving.recentlyLeft(30).stream().map(i -> new Left(i.key(), i.kind(), i.title(), i.state(), i.outcome(), i.leavesOn())).toList()));
        }, Role.USER);
    }
}
