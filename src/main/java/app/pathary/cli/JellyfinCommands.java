package app.pathary.cli;

import app.pathary.App;
import app.pathary.common.InvalidInputException;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.jellyfin.link.JellyfinLogin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Jellyfin commands for headless installs; each prints only its value on standard output. */
final class JellyfinCommands {
    private JellyfinCommands() {
    }

    @Command(name = "jellyfin:webhook-url", description = "Prints the user's webhook URL (made when there is none).")
    static final class WebhookUrl extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;

        @ArgGroup(exclusive = true)
        Action action;

        static final class Action {
            @Option(names = "--regenerate", description = "make a new URL; the old one stops working")
            boolean regenerate;
            @Option(names = "--delete", description = "delete the URL")
            boolean delete;
        }

        @Override
        int run(App app) {
            app.users.accounts().get(userId);
            if (action != null && action.delete) {
                app.jellyfinLink.webhookUrls().delete(userId);
                System.err.println("The webhook URL of user " + userId + " was deleted.");
                return 0;
            }
            String id = app.jellyfinLink.links().of(userId).webhookId();
            if (id == null || (action != null && action.regenerate)) {
                id = app.jellyfinLink.webhookUrls().regenerate(userId);
            }
            if (!app.jellyfinLink.webhookUrls().hasApplicationUrl()) {
                System.err.println("APPLICATION_URL is not set: replace the address part with the one Jellyfin can reach.");
            }
            System.out.println(app.jellyfinLink.webhookUrls().url(id));
            return 0;
        }
    }

    @Command(name = "jellyfin:login", description = "Authenticates the user against a Jellyfin server; the password is read from standard input.")
    static final class Login extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;
        @Parameters(index = "1", paramLabel = "<serverUrl>")
        String serverUrl;
        @Parameters(index = "2", paramLabel = "<username>")
        String username;

        @Override
        int run(App app) throws IOException {
            app.users.accounts().get(userId);
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null) {
                throw new InvalidInputException("No password came on standard input.");
            }
            app.jellyfinLink.login().saveServerUrl(userId, serverUrl);
            System.out.println(app.jellyfinLink.login().logIn(userId, username, password));
            return 0;
        }
    }

    @Command(name = "jellyfin:logout", description = "Revokes the user's Jellyfin token on the server and forgets it.")
    static final class Logout extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;

        @Override
        int run(App app) {
            app.users.accounts().get(userId);
            var warning = app.jellyfinLink.login().logOut(userId);
            System.err.println(warning.orElse("The Jellyfin login of user " + userId + " was removed."));
            return 0;
        }
    }

    @Command(name = "jellyfin:status", description = "Prints the server, Jellyfin user, token state, scrobbling and sync of a user.")
    static final class Status extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;

        @Override
        int run(App app) {
            app.users.accounts().get(userId);
            JellyfinLink link = app.jellyfinLink.links().of(userId);
            String token = "none";
            if (link.authenticated()) {
                JellyfinLogin.ConnectionTest test = app.jellyfinLink.login().test(userId, null);
                token = test.problem() != null ? "unknown (" + test.problem() + ")" : test.token().name().toLowerCase();
            }
            System.out.println("server: " + (link.serverUrl() == null ? "none" : link.serverUrl()));
            System.out.println("user: " + (link.jellyfinUserName() == null ? "none" : link.jellyfinUserName()));
            System.out.println("token: " + token);
            System.out.println("scrobbling: " + (link.scrobbleEnabled() ? "on" : "off"));
            System.out.println("webhook: " + (link.webhookId() == null ? "none" : app.jellyfinLink.webhookUrls().url(link.webhookId())));
            System.out.println("sync: " + (link.syncEnabled() ? "on" : "off"));
            return 0;
        }
    }
}
