package app.pathary.cli;

/** A subcommand that needs the root command (where the environment is); the factory sets {@link #root}. */
abstract class RootAware {
    PatharyCommand root;
}
