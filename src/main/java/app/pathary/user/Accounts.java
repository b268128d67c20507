package app.pathary.user;

import app.pathary.common.Plural;
import app.pathary.common.ForbiddenException;
import app.pathary.common.LoginRejectedException;
import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Use cases of accounts: create, log in (with lockout), change password, admin flag, delete. */
public final class Accounts {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}._-]{1,64}$");
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final UserRepository users;
    private final LoginFailures failures;
    private final List<java.util.function.LongConsumer> deletions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Accounts(UserRepository users, LoginFailures failures) {
        this.users = users;
        this.failures = failures;
    }

    /** Creates a user from a web form: the password must have at least 8 characters and at most 72 bytes. */
    public User create(String email, String password, String name, boolean admin) {
        checkPassword(password, "The password");
        return insert(email, password, name, admin);
    }

    /**
     * Creates a user for the machine's operator (the CLI): any non-empty password is accepted, since whoever runs the
     * command already controls the installation; the caller warns about short ones.
     */
    public User createByOperator(String email, String password, String name, boolean admin) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("The password must not be empty.");
        }
        checkFitsBcrypt(password, "The password");
        return insert(email, password, name, admin);
    }

    private User insert(String email, String password, String name, boolean admin) {
        String cleanName = name == null ? "" : name.strip();
        String cleanEmail = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!NAME.matcher(cleanName).matches()) {
            throw new InvalidInputException("The name must be 1 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (!EMAIL.matcher(cleanEmail).matches()) {
            throw new InvalidInputException("The email address '" + cleanEmail + "' is not valid.");
        }
        if (users.findByName(cleanName).isPresent()) {
            throw new InvalidInputException("A user named '" + cleanName + "' already exists.");
        }
        if (users.findByLogin(cleanEmail).isPresent()) {
            throw new InvalidInputException("A user with the email '" + cleanEmail + "' already exists.");
        }
        long id = users.insert(cleanName, cleanEmail, Passwords.hash(password), admin);
        return new User(id, cleanName, cleanEmail, admin);
    }

    /**
     * Checks name-or-email and password; after {@value #MAX_FAILURES} failures from one address the account is locked there.
     * A name or email no account has is treated exactly alike (same messages, same lockout, a password hash's worth of
     * time spent), so neither the answer nor the lockout tells whether an account exists. A password over
     * {@value Passwords#MAX_BYTES} bytes is simply wrong: no such password can have been set.
     */
    public User logIn(String login, String password, String clientAddress) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException("Give a name or email and a password.");
        }
        var user = users.findByLogin(login.strip());
        String subject = user.map(u -> LoginFailures.subjectOf(u.id())).orElseGet(() -> LoginFailures.subjectOfUnknown(login));
        Duration locked = failures.lockedFor(subject, clientAddress);
        if (!locked.isZero()) {
            Passwords.spendDecoyTime(password);
            throw new LoginRejectedException("Too many failed logins from this address; try again in "
                    + Plural.of(Math.max(1, locked.toMinutes()), "minute") + ".", locked);
        }
        boolean matches = user.isPresent()
                ? Passwords.matches(password, users.passwordHash(user.get().id()).orElseThrow())
                : Passwords.spendDecoyTime(password);
        if (!matches) {
            failures.record(subject, clientAddress);
            throw new LoginRejectedException(WRONG_LOGIN);
        }
        failures.clear(subject, clientAddress);
        return user.get();
    }

    static final String WRONG_LOGIN = "Wrong name, email or password.";

    public void changePassword(long userId, String currentPassword, String newPassword) {
        String hash = users.passwordHash(userId).orElseThrow(() -> new NotFoundException("No user with id " + userId + "."));
        if (currentPassword == null || !Passwords.matches(currentPassword, hash)) {
            throw new InvalidInputException("The current password is wrong.");
        }
        checkPassword(newPassword, "The new password");
        users.updatePasswordHash(userId, Passwords.hash(newPassword));
    }

    /** Sets a password without the current one (an admin's or the operator's reset); the same rules as a change. */
    public void setPassword(long userId, String newPassword) {
        get(userId);
        checkPassword(newPassword, "The new password");
        users.updatePasswordHash(userId, Passwords.hash(newPassword));
    }

    public void setAdmin(long userId, boolean admin) {
        User user = get(userId);
        if (user.isAdmin() && !admin && users.adminCount() <= 1) {
            throw new ForbiddenException("The last admin cannot stop being an admin.");
        }
        users.updateAdmin(userId, admin);
    }

    public void delete(long userId) {
        User user = get(userId);
        if (user.isAdmin() && users.adminCount() <= 1) {
            throw new ForbiddenException("The last admin cannot be deleted.");
        }
        users.delete(userId);
        deletions.forEach(listener -> listener.accept(userId));
    }

    /** Tells {@code listener} the id of each user deleted here, once the deletion is committed. */
    public void onDelete(java.util.function.LongConsumer listener) {
        deletions.add(listener);
    }

    public User get(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("No user with id " + userId + "."));
    }

    public User byName(String name) {
        return users.findByName(name).orElseThrow(() -> new NotFoundException("No user named '" + name + "'."));
    }

    public List<User> all() {
        return users.all();
    }

    public boolean anyUserExists() {
        return users.anyExists();
    }

    public static final int MIN_PASSWORD = 8;

    /** {@code field} names the password in the message, as the form calls it ("The new password"). */
    private static void checkPassword(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException(field + " must have at least " + MIN_PASSWORD + " characters.");
        }
        checkFitsBcrypt(password, field);
    }

    /** bcrypt reads 72 bytes of UTF-8, so a longer password would be cut short (or refused by the library). */
    private static void checkFitsBcrypt(String password, String field) {
        int bytes = Passwords.utf8Bytes(password);
        if (bytes > Passwords.MAX_BYTES) {
            throw new InvalidInputException(field + " is longer than " + Passwords.MAX_BYTES + " bytes (UTF-8): it has " + bytes
                    + ". Letters beyond plain ASCII take 2 to 4 bytes each (é takes 2, € takes 3); choose a shorter one.");
        }
    }
}
