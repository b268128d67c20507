package app.pathary.cleanup.instances;

import app.pathary.common.InvalidInputException;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.watched.WatchedSettings;
import app.pathary.watched.WatchedSettingsStore;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** {@code /settings/server/cleanup} (admins): the Jellyfin server and API key, strategy, users, grace, favourites. */
public final class CleanupSettingsPages implements WebRoutes {
    static final String PATH = "/settings/server/cleanup";
    private final Pages pages;
    private final WatchedSettingsStore store;
    private final JellyfinClient client;
    private final ArrSettingsStore arr;

    public CleanupSettingsPages(Pages pages, WatchedSettingsStore store, JellyfinClient client, ArrSettingsStore arr) {
        this.pages = pages;
        this.store = store;
        this.client = client;
        this.arr = arr;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show, Role.ADMIN);
        routes.post(PATH, ctx -> {
            try {
                Map<String, String> form = new HashMap<>();
                for (String name : WatchedSettingsStore.NAMES) {
                    if (ctx.formParam(name) != null) {
                        form.put(name, ctx.formParam(name));
                    }
                }
                if (!form.containsKey(WatchedSettingsStore.KEEP_FAVORITES)) {
                    form.put(WatchedSettingsStore.KEEP_FAVORITES, "false");
                }
                store.save(form);
                Flash.success(ctx, "The cleanup settings were saved.");
            } catch (InvalidInputException e) {
                Flash.error(ctx, e.getMessage());
            }
            ctx.redirect(PATH);
        }, Role.ADMIN);
        routes.post(PATH + "/test", this::test, Role.ADMIN);
    }

    private void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("settings", store.load());
        String problem = "";
        java.util.List<ArrInstanceConfig> instances = java.util.List.of();
        CleanupActions actions = null;
        java.util.Set<String> locked = java.util.Set.of();
        try {
            instances = arr.instances();
            actions = arr.actions();
            locked = arr.lockedActions();
        } catch (InvalidInputException e) {
            problem = e.getMessage();
        }
        model.put("instances", instances);
        model.put("actions", actions);
        model.put("lockedActions", locked);
        model.put("problem", problem);
        pages.render(ctx, "cleanup/instances/settings.jte", "Cleanup settings", model);
    }

    private void test(Context ctx) {
        WatchedSettings settings = store.load();
        if (!settings.jellyfinConfigured()) {
            Flash.error(ctx, "Set the Jellyfin URL and API key first.");
        } else {
            try {
                JellyfinServer server = new JellyfinServer(settings.jellyfinUrl(), settings.apiKey());
                var info = client.systemInfo(server);
                int users = client.users(server).size();
                Flash.success(ctx, "Connected to " + info.serverName() + " (Jellyfin " + info.version() + "); " + users + " users.");
            } catch (JellyfinException.Unauthorized e) {
                Flash.error(ctx, "Jellyfin rejected the API key; create one under Dashboard → API Keys.");
            } catch (JellyfinException e) {
                Flash.error(ctx, "Could not connect: " + e.userMessage() + ".");
            }
        }
        ctx.redirect(PATH);
    }
}
