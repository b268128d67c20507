package app.pathary.cleanup.instances;

import app.pathary.common.Plural;
import app.pathary.common.InvalidInputException;
import app.pathary.config.ConfigException;
import app.pathary.config.Sourced;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.watched.WatchedSettings;
import app.pathary.watched.WatchedSettingsCheck;
import app.pathary.watched.WatchedSettingsStore;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /settings/server/cleanup} (admins): the Jellyfin server and API key, strategy, users, grace, favourites; each
 * field says which layer set it. Saving re-reads CONFIG_FILE first, so an edited file takes effect with the save.
 */
public final class CleanupSettingsPages implements WebRoutes {
    static final String PATH = "/settings/server/cleanup";
    private final Pages pages;
    private final WatchedSettingsStore store;
    private final JellyfinClient client;
    private final ArrSettingsStore arr;
    private final WatchedSettingsCheck check;

    public CleanupSettingsPages(Pages pages, WatchedSettingsStore store, JellyfinClient client, ArrSettingsStore arr) {
        this.pages = pages;
        this.store = store;
        this.client = client;
        this.arr = arr;
        this.check = new WatchedSettingsCheck(client);
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
                // An unticked box is not sent: the rules' form (or a form without sections) means "off"; the server's form has no box.
                if (!form.containsKey(WatchedSettingsStore.KEEP_FAVORITES) && !"jellyfin".equals(ctx.formParam("section"))) {
                    form.put(WatchedSettingsStore.KEEP_FAVORITES, "false");
                }
                List<String> warnings = new java.util.ArrayList<>();
                store.save(form, settings -> check.check(settings).ifPresent(warnings::add));
                savedAndReread(ctx, warnings);
            } catch (InvalidInputException e) {
                ctx.status(400);
                Flash.errorNow(ctx, "Nothing was saved: " + e.getMessage());
                show(ctx);
                return;
            }
            ctx.redirect(PATH);
        }, Role.ADMIN);
        routes.post(PATH + "/test", this::test, Role.ADMIN);
    }

    /** A save re-reads CONFIG_FILE too; a bad file does not undo the save, and the page says so. */
    private void savedAndReread(Context ctx, List<String> warnings) {
        try {
            arr.reloadConfigFile();
            if (warnings.isEmpty()) {
                Flash.success(ctx, "The cleanup settings were saved.");
            } else {
                Flash.error(ctx, "The cleanup settings were saved, but " + String.join(" ", warnings));
            }
        } catch (ConfigException e) {
            Flash.error(ctx, "The cleanup settings were saved, but " + e.getMessage());
        }
    }

    private void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        Sourced<WatchedSettings> watched = store.loadSourced();
        Map<String, String> sources = new HashMap<>();
        WatchedSettingsStore.NAMES.forEach(name -> sources.put(name, watched.source(name).label()));
        model.put("settings", watched.value());
        String problem = "";
        List<ArrInstanceConfig> instances = List.of();
        CleanupActions actions = null;
        Set<String> locked = Set.of();
        String keepTag = "keep";
        try {
            instances = arr.instances();
            Sourced<CleanupActions> sourced = arr.actionSettings();
            actions = sourced.value();
            locked = sourced.locked();
            ArrSettingsStore.ACTION_NAMES.forEach(name -> sources.put(name, sourced.source(name).label()));
            Sourced<String> tag = arr.keepTag();
            keepTag = tag.value();
            sources.put(ArrSettingsStore.KEEP_TAG, tag.source(ArrSettingsStore.KEEP_TAG).label());
        } catch (InvalidInputException e) {
            problem = e.getMessage();
        }
        model.put("instances", instances);
        model.put("actions", actions);
        model.put("lockedActions", locked);
        model.put("keepTag", keepTag);
        model.put("sources", sources);
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
                // GET /Users answers only an admin's credentials: the same rights the "Leaving soon" collections need
                Flash.success(ctx, "Connected to " + info.serverName() + " (Jellyfin " + info.version() + "); " + Plural.of(users, "user") + "."
                        + " The key lists every user, so it has admin rights: it may create and fill the “Leaving soon” collections.");
            } catch (JellyfinException.Forbidden e) {
                Flash.error(ctx, "Jellyfin refused to list its users with this key: it has no admin rights. The watched state of every user and"
                        + " the “Leaving soon” collections need an API key (Dashboard → API Keys).");
            } catch (JellyfinException.Unauthorized e) {
                Flash.error(ctx, "Jellyfin rejected the API key; create one under Dashboard → API Keys.");
            } catch (JellyfinException e) {
                Flash.error(ctx, "Could not connect: " + e.userMessage() + ".");
            }
        }
        ctx.redirect(PATH);
    }
}
