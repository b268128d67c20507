package app.pathary.cli;

import app.pathary.App;
import app.pathary.common.NotFoundException;
import app.pathary.job.Job;
import app.pathary.job.JobFailure;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jellyfin:import}, {@code jellyfin:export}, {@code jellyfin:catchup} (foreground, recorded as job rows) and {@code jellyfin:sync}. */
final class JellyfinSyncCommands {
    static final int USAGE = 2;

    private JellyfinSyncCommands() {
    }

    /** Exit code 2 with a sentence when the user is unknown or has no Jellyfin login; 0 when the user is ready. */
    static int checkUser(App app, long userId) {
        try {
            app.users.accounts().get(userId);
        } catch (NotFoundException e) {
            System.err.println("There is no user with id " + userId + ".");
            return USAGE;
        }
        if (!app.jellyfinLink.links().of(userId).authenticated()) {
            System.err.println("User " + userId + " has not authenticated with Jellyfin; run jellyfin:login first.");
            return USAGE;
        }
        return 0;
    }

    static int finish(Job job) {
        System.out.println(job.summary());
        return 0;
    }

    static int failed(Exception e) {
        System.err.println((e instanceof JobFailure ? "" : "The Jellyfin server failed: ") + e.getMessage());
        return 1;
    }

    @Command(name = "jellyfin:import", description = "Imports Jellyfin plays as watch dates (in the foreground).")
    static final class Import extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;

        @Override
        int run(App app) {
            int check = checkUser(app, userId);
            if (check != 0) {
                return check;
            }
            try (CliProgress progress = new CliProgress("Reading Jellyfin")) {
                return finish(app.jellyfinSync.importNow(userId, progress));
            } catch (Exception e) {
                return failed(e);
            }
        }
    }

    @Command(name = "jellyfin:catchup", description = "Adds the Jellyfin plays since the last catch-up that the webhook missed (in the foreground).")
    static final class Catchup extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;

        @Override
        int run(App app) {
            int check = checkUser(app, userId);
            if (check != 0) {
                return check;
            }
            try (CliProgress progress = new CliProgress("Reading Jellyfin")) {
                return finish(app.jellyfinSync.catchupNow(userId, progress));
            } catch (Exception e) {
                return failed(e);
            }
        }
    }

    @Command(name = "jellyfin:export", description = "Exports watch dates to Jellyfin as plays (in the foreground).")
    static final class Export extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;
        @Option(names = "--mark-unplayed", description = "also mark unplayed the Jellyfin movies without any watch date")
        boolean markUnplayed;

        @Override
        int run(App app) {
            int check = checkUser(app, userId);
            if (check != 0) {
                return check;
            }
            try (CliProgress progress = new CliProgress("Writing to Jellyfin")) {
                return finish(app.jellyfinSync.exportNow(userId, markUnplayed, progress));
            } catch (Exception e) {
                return failed(e);
            }
        }
    }

    @Command(name = "jellyfin:sync", description = "Switches the automatic export of history changes to Jellyfin on or off.")
    static final class Sync extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Switch choice;

        static final class Switch {
            @Option(names = "--enable", required = true)
            boolean enable;
            @Option(names = "--disable", required = true)
            boolean disable;
        }

        @Override
        int run(App app) {
            int check = checkUser(app, userId);
            if (check != 0) {
                return check;
            }
            app.jellyfinLink.links().setSync(userId, choice.enable);
            System.out.println("sync: " + (choice.enable ? "on" : "off"));
            return 0;
        }
    }
}
