package app.pathary.cli;

import app.pathary.App;
import app.pathary.common.InvalidInputException;
import app.pathary.user.Accounts;
import app.pathary.user.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code user:create}, {@code user:list}, {@code user:delete}. */
final class UserCommands {
    private UserCommands() {
    }

    @Command(name = "user:create", description = "Creates a user. Give - as the password to read it from standard input.")
    static final class Create extends AppCommand {
        @Parameters(index = "0", paramLabel = "<email>")
        String email;
        @Parameters(index = "1", paramLabel = "<password>", description = "the password, or - to read it from stdin")
        String password;
        @Parameters(index = "2", paramLabel = "<name>")
        String name;
        @Option(names = "--admin", description = "make the user an admin")
        boolean admin;

        @Override
        int run(App app) throws IOException {
            String secret = "-".equals(password) ? readPassword() : password;
            User user = app.users.accounts().createByOperator(email, secret, name, admin);
            if (secret.length() < Accounts.MIN_PASSWORD) {
                System.err.println("Warning: the password is shorter than " + Accounts.MIN_PASSWORD
                        + " characters; change it on the account page.");
            }
            System.out.println("Created user " + user.id() + " (" + user.name() + (user.isAdmin() ? ", admin" : "") + ").");
            return 0;
        }

        private static String readPassword() throws IOException {
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new InvalidInputException("No password came on standard input.");
            }
            return line;
        }
    }

    @Command(name = "user:password", description = "Sets a user's password (a forgotten one): their sessions end and their "
            + "API tokens are revoked. Give - as the password to read it from standard input.")
    static final class SetPassword extends AppCommand {
        @Parameters(index = "0", paramLabel = "<user>", description = "the user's id, name or email")
        String user;
        @Parameters(index = "1", paramLabel = "<password>", description = "the new password, or - to read it from stdin")
        String password;

        @Override
        int run(App app) throws IOException {
            String secret = "-".equals(password) ? Create.readPassword() : password;
            User found = app.users.accounts().all().stream()
                    .filter(u -> String.valueOf(u.id()).equals(user) || u.name().equals(user) || u.email().equalsIgnoreCase(user))
                    .findFirst().orElseThrow(() -> new InvalidInputException("No user has the id, name or email '" + user + "'."));
            System.out.println(app.users.passwordReset().reset(found.id(), secret));
            return 0;
        }
    }

    @Command(name = "user:list", description = "Lists the users: id, name, email, admin.")
    static final class ListUsers extends AppCommand {
        @Override
        int run(App app) {
            System.out.println("id\tname\temail\tadmin");
            for (User user : app.users.accounts().all()) {
                System.out.println(user.id() + "\t" + user.name() + "\t" + user.email() + "\t" + (user.isAdmin() ? "yes" : "no"));
            }
            return 0;
        }
    }

    @Command(name = "user:delete", description = "Deletes a user and their whole history.")
    static final class Delete extends AppCommand {
        @Parameters(index = "0", paramLabel = "<userId>")
        long userId;

        @Override
        int run(App app) {
            User user = app.users.accounts().get(userId);
            app.users.accounts().delete(userId);
            System.out.println("Deleted user " + user.id() + " (" + user.name() + ").");
            return 0;
        }
    }
}
