package app.pathary.cli;

import app.pathary.App;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs a real command line (the one Main runs) in this JVM and captures what it prints. */
public final class CliRunner {
    public record Run(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    public static Run run(Map<String, String> env, String stdin, String... args) {
        return run(env, App.Overrides.none(), stdin, args);
    }

    /** Runs with the app's timings replaced, e.g. no waits between retries. */
    public static synchronized Run run(Map<String, String> env, App.Overrides overrides, String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine line = PatharyCommand.commandLine(env, overrides, args);
            line.setOut(new java.io.PrintWriter(System.out, true));
            line.setErr(new java.io.PrintWriter(System.err, true));
            return new Run(line.execute(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }
}
