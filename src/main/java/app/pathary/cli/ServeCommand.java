package app.pathary.cli;

import app.pathary.App;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the web server (migrates the database first).")
final class ServeCommand extends RootAware implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", description = "HTTP port (default: HTTP_PORT or 8080)")
    Integer port;

    @Option(names = "--host", description = "address to listen on (default: 0.0.0.0)")
    String host = "0.0.0.0";

    @Override
    public Integer call() throws Exception {
        var config = root.config();
        if (port != null) {
            config = config.withHttpPort(app.pathary.config.AppConfig.port(Integer.toString(port)));
        }
        App app = App.open(config, App.Overrides.none().withHttpHost(host));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Pathary");
            app.close();
            stopped.countDown();
        }, "pathary-shutdown"));
        app.startServer();
        HangupReload.install(() -> reread(app));
        LOG.info("Pathary listens on http://{}:{} (database: {}, time zone: {})", host, app.port(),
                config.database().redactedUrl(), config.timezone());
        stopped.await();
        return 0;
    }

    /** SIGHUP: CONFIG_FILE is read again; a bad file keeps the previous contents (logged as a warning). */
    static void reread(App app) {
        var file = app.configFile.current().path();
        if (file.isEmpty()) {
            LOG.info("SIGHUP: there is no CONFIG_FILE to re-read");
            return;
        }
        LOG.info("SIGHUP: re-read {} ({} instances)", file.get(), app.configFile.reload().instances().size());
    }
}
