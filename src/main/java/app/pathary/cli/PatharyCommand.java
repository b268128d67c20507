package app.pathary.cli;

import app.pathary.App;
import app.pathary.common.ForbiddenException;
import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.common.RemoteReadException;
import app.pathary.config.AppConfig;
import app.pathary.config.ConfigException;
import app.pathary.config.Environment;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pathary} command and its subcommands. Exit codes: 0 success, 1 failure (one sentence on stderr), 2 bad
 * usage. No stack trace reaches the terminal: it is logged at DEBUG ({@code LOG_LEVEL=DEBUG} shows it).
 */
@Command(name = "pathary", mixinStandardHelpOptions = true, versionProvider = PatharyCommand.Version.class,
        description = "Pathary: your movie watch history, synced with Jellyfin.")
public final class PatharyCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PatharyCommand.class);
    /** Every subcommand, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, MigrateCommand.class, UserCommands.Create.class,
            UserCommands.ListUsers.class, UserCommands.SetPassword.class, UserCommands.Delete.class, HistoryCommands.Export.class,
            HistoryCommands.Import.class, JellyfinCommands.WebhookUrl.class, JellyfinCommands.Login.class, JellyfinCommands.Logout.class,
            JellyfinCommands.Status.class, JellyfinSyncCommands.Import.class, JellyfinSyncCommands.Export.class,
            JellyfinSyncCommands.Catchup.class, JellyfinSyncCommands.Sync.class, WatchedCommands.class, CleanupCommands.Plan.class,
            CleanupCommands.Run.class, CleanupCommands.Execute.class);
    private final Map<String, String> environment;
    private final App.Overrides overrides;

    PatharyCommand(Map<String, String> environment, App.Overrides overrides) {
        this.environment = environment;
        this.overrides = overrides;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The command line for these arguments. When the first argument names a subcommand, only that subcommand's model is
     * built: picocli reads every option of every command it is given by reflection, in the interpreter, on every start
     * (its classes, compiled for Java 5, cannot come from the class-data archive). Anything else ({@code --help}, a typo,
     * no argument) gets every subcommand, so help and errors are whole.
     */
    public static CommandLine commandLine(Map<String, String> environment, String... args) {
        return commandLine(environment, App.Overrides.none(), args);
    }

    /** The command line with the app's ports and timings replaced (tests: short timeouts, no waits between retries). */
    public static CommandLine commandLine(Map<String, String> environment, App.Overrides overrides, String... args) {
        PatharyCommand root = new PatharyCommand(environment, overrides);
        CommandLine line = new CommandLine(root, new Factory(root));
        List<Class<?>> named = args.length == 0 ? List.of()
                : SUBCOMMANDS.stream().filter(type -> type.getAnnotation(Command.class).name().equals(args[0])).toList();
        for (Class<?> subcommand : named.isEmpty() ? SUBCOMMANDS : named) {
            line.addSubcommand(subcommand);
        }
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(sentence(e));
            LOG.debug("{} failed", cmd.getCommandName(), e);
            return 1;
        });
        line.setParameterExceptionHandler((e, arguments) -> {
            String suggestion = e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
                    ? " Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?" : "";
            e.getCommandLine().getErr().println(e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName(" ")
                    + " --help')" + suggestion);
            return 2;
        });
        return line;
    }

    /** The one sentence a failure prints: its own message when it is written for people, else a pointer to the log. */
    static String sentence(Exception e) {
        if (e instanceof ConfigException || e instanceof InvalidInputException || e instanceof NotFoundException
                || e instanceof ForbiddenException || e instanceof RemoteReadException
                || e instanceof app.pathary.common.DatabaseUnavailableException) {
            return e.getMessage();
        }
        var databaseFault = app.pathary.db.DatabaseFaults.reason(e);
        if (databaseFault.isPresent()) {
            return "The database cannot be used: " + databaseFault.get() + ".";
        }
        String message = e.getMessage();
        boolean oneLine = message != null && !message.isBlank() && message.length() <= 200 && !message.contains("\n");
        return "The command failed unexpectedly" + (oneLine ? " (" + message.strip() + ")" : "")
                + "; run it again with LOG_LEVEL=DEBUG to see why.";
    }

    AppConfig config() {
        AppConfig config = AppConfig.from(new Environment(environment));
        app.pathary.ops.LogLevels.applyRoot(config.logLevel());
        return config;
    }

    App openApp() {
        return App.open(config(), overrides);
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
