package app.pathary.notify;

import app.pathary.common.InvalidInputException;
import app.pathary.config.ChannelOptions;
import app.pathary.config.ConfigException;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/notifications}: the channels (add, replace, remove, send a test) and the log of sends. */
final class NotificationPages implements WebRoutes {
    static final String PATH = "/admin/notifications";
    private final Pages pages;
    private final Notifications notifications;
    private final ZoneId zone;

    NotificationPages(Pages pages, Notifications notifications, ZoneId zone) {
        this.pages = pages;
        this.notifications = notifications;
        this.zone = zone;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show, Role.ADMIN);
        routes.post(PATH + "/channels", ctx -> done(ctx, () -> {
            List<String> events = ctx.formParams("events");
            ChannelOptions options;
            try {
                options = new ChannelOptions(text(ctx, "name"), text(ctx, "kind"), text(ctx, "url"), text(ctx, "topic"), text(ctx, "username"),
                        ctx.formParam("secret") == null ? "" : ctx.formParam("secret"), text(ctx, "from"), text(ctx, "to"),
                        ChannelOptions.events("events", events.isEmpty() ? "none-chosen" : String.join(",", events)));
            } catch (ConfigException e) {
                throw new InvalidInputException(events.isEmpty() ? "Choose at least one event for the channel." : e.getMessage());
            }
            return "Saved the channel " + notifications.channels().save(options).name() + ".";
        }), Role.ADMIN);
        routes.post(PATH + "/channels/{id}/delete", ctx -> done(ctx, () -> {
            notifications.channels().remove(PathIds.of(ctx, "id"));
            return "The channel was removed.";
        }), Role.ADMIN);
        routes.post(PATH + "/test", ctx -> done(ctx, () -> {
            String name = text(ctx, "name");
            notifications.test(name);
            return "A test message to " + name + " is queued; its result appears in the log below.";
        }), Role.ADMIN);
    }

    private void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("channels", notifications.channels().all());
        model.put("sends", notifications.log().recent(100));
        model.put("zone", zone);
        pages.render(ctx, "notify/notifications.jte", "Notifications", model);
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static void done(Context ctx, java.util.function.Supplier<String> action) {
        try {
            Flash.success(ctx, action.get());
        } catch (InvalidInputException e) {
            Flash.error(ctx, e.getMessage());
        }
        ctx.redirect(PATH);
    }
}
