package app.pathary.cli;

import app.pathary.App;
import app.pathary.common.ForbiddenException;
import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.config.AppConfig;
import app.pathary.config.ConfigException;
import app.pathary.config.Environment;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pathary} command and its subcommands. Exit codes: 0 success, 1 failure (one sentence), 2 bad usage. */
@Command(name = "pathary", mixinStandardHelpOptions = true, versionProvider = PatharyCommand.Version.class,
        description = "Pathary: your movie watch history, synced with Jellyfin.",
        subcommands = {ServeCommand.class, MigrateCommand.class, UserCommands.Create.class, UserCommands.ListUsers.class,
                UserCommands.Delete.class, HistoryCommands.Export.class, HistoryCommands.Import.class,
                JellyfinCommands.WebhookUrl.class, JellyfinCommands.Login.class, JellyfinCommands.Logout.class,
                JellyfinCommands.Status.class, JellyfinSyncCommands.Import.class, JellyfinSyncCommands.Export.class,
                JellyfinSyncCommands.Sync.class, WatchedCommands.class, CleanupCommands.Plan.class, CleanupCommands.Run.class,
                CleanupCommands.Execute.class})
public final class PatharyCommand implements Runnable {
    private final Map<String, String> environment;

    PatharyCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine(Map<String, String> environment) {
        PatharyCommand root = new PatharyCommand(environment);
        CommandLine line = new CommandLine(root, new Factory(root));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(sentence(e));
            if (!(e instanceof ConfigException || e instanceof InvalidInputException || e instanceof NotFoundException
                    || e instanceof ForbiddenException)) {
                LoggerFactory.getLogger(PatharyCommand.class).error("Command failed", e);
            }
            return 1;
        });
        return line;
    }

    static String sentence(Exception e) {
        if (e instanceof ConfigException || e instanceof InvalidInputException || e instanceof NotFoundException
                || e instanceof ForbiddenException) {
            return e.getMessage();
        }
        return "The command failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    AppConfig config() {
        return AppConfig.from(new Environment(environment));
    }

    App openApp() {
        return App.open(config(), App.Overrides.none());
    }

    /** Gives every subcommand a reference to the root, where the environment is. */
    private record Factory(PatharyCommand root) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == PatharyCommand.class) {
                return type.cast(root);
            }
            if (RootAware.class.isAssignableFrom(type)) {
                var constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                K command = constructor.newInstance();
                ((RootAware) command).root = root;
                return command;
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PatharyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Pathary " + (version == null ? "development" : version)};
        }
    }
}
