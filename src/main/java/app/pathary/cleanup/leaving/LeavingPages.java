package app.pathary.cleanup.leaving;

import app.pathary.common.InvalidInputException;
import app.pathary.config.LeavingOptions;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /leaving}: every user sees what leaves when and why, which of it they watched or marked, and asks to keep an
 * item; {@code /admin/cleanup/keep-requests/{id}}: an admin approves (for a number of days, or for good) or declines.
 */
final class LeavingPages implements WebRoutes {
    private static final String PATH = "/leaving";
    private final Pages pages;
    private final LeavingSoon leaving;
    private final Function<Long, Optional<String>> jellyfinNameOf;

    LeavingPages(Pages pages, LeavingSoon leaving, Function<Long, Optional<String>> jellyfinNameOf) {
        this.pages = pages;
        this.leaving = leaving;
        this.jellyfinNameOf = jellyfinNameOf;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show, Role.USER);
        routes.post(PATH + "/keep", ctx -> {
            String key = ctx.formParam("key");
            if (key == null || key.isBlank()) {
                throw new InvalidInputException("key must name an item on the leaving-soon list.");
            }
            KeepRequest request = leaving.requestKeep(key, Caller.require(ctx).name(), ctx.formParam("comment"));
            Flash.success(ctx, request.status().equals(KeepRequest.PENDING)
                    ? "Asked to keep " + request.title() + ". It stays until an admin decides; you will see the decision here."
                    : "Kept " + request.title() + " until " + request.keepUntil() + ".");
            ctx.redirect(PATH);
        }, Role.USER);
        routes.post("/admin/cleanup/keep-requests/{id}", ctx -> {
            long id = PathIds.parse(ctx.pathParam("id"), "id");
            String decision = ctx.formParam("decision");
            if (!"approve".equals(decision) && !"decline".equals(decision)) {
                throw new InvalidInputException("decision must be approve or decline.");
            }
            String days = ctx.formParam("days");
            Integer keepDays = null;
            if (days != null && !days.isBlank()) {
                if (!days.strip().matches("\\d{1,4}")) {
                    throw new InvalidInputException("days must be a whole number from 1 to 3650, or empty for good.");
                }
                keepDays = Integer.parseInt(days.strip());
            }
            KeepRequest decided = leaving.decide(id, decision.equals("approve"), Caller.require(ctx).name(), ctx.formParam("note"), keepDays);
            Flash.success(ctx, "Keep request for " + decided.title() + ": " + decided.decision() + ".");
            ctx.redirect("/admin/cleanup");
        }, Role.ADMIN);
    }

    private void show(Context ctx) {
        Caller caller = Caller.require(ctx);
        java.time.LocalDate today = leaving.today();
        List<KeepRequest> mine = leaving.keeps().recent(caller.name(), 50);
        Map<String, KeepRequest> latest = mine.stream().collect(Collectors.toMap(KeepRequest::itemKey, r -> r, (a, b) -> a));
        Optional<String> jellyfinName = jellyfinNameOf.apply(caller.id());
        List<LeavingLine> lines = leaving.leaving().stream().map(item -> new LeavingLine(item, item.daysLeft(today),
                yours(item.reasons(), caller.name(), jellyfinName), latest.get(item.key()))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("lines", lines);
        model.put("left", leaving.recentlyLeft(14));
        model.put("requests", mine);
        model.put("keepRequests", leaving.options().keepRequests() != LeavingOptions.KeepRequests.OFF);
        model.put("autoDays", leaving.options().keepRequests() == LeavingOptions.KeepRequests.AUTO ? leaving.options().keepDays() : 0);
        model.put("leavingSoonDays", leaving.options().days());
        pages.render(ctx, "cleanup/leaving/leaving.jte", "Leaving soon", model);
    }

    /** Whether the reasons name this user (as in Pathary or as linked in Jellyfin): watched by them, or their favourite. */
    static boolean yours(String reasons, String name, Optional<String> jellyfinName) {
        String text = reasons.toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), jellyfinName.stream())
                .map(n -> n.toLowerCase(java.util.Locale.ROOT))
                .anyMatch(n -> text.matches("(?s).*\\b(by|of) ([^;]*[ ,])?" + java.util.regex.Pattern.quote(n) + "\\b.*"));
    }
}
