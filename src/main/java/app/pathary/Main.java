package app.pathary;

import app.pathary.cli.PatharyCommand;
import picocli.CommandLine;

/** Entry point: {@code serve}, {@code migrate}, {@code user:*}, {@code history:*} and later feature commands. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(PatharyCommand.commandLine(System.getenv(), args).execute(args));
    }
}
