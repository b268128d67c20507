package app.pathary.cli;

import app.pathary.App;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A subcommand that works on the configured database; {@link #run(App)} returns the exit code. */
@Command(mixinStandardHelpOptions = true)
abstract class AppCommand extends RootAware implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (App app = root.openApp()) {
            return run(app);
        }
    }

    abstract int run(App app) throws Exception;
}
