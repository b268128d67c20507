package app.pathary.common;

/**
 * The database cannot be used: it does not answer, refuses writes (full disk, read-only, locked), or its file was
 * deleted or replaced under Pathary. The message is one sentence for a person; pages and APIs answer it with 503, the
 * CLI prints it, and nothing that needed the database was stored.
 */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String sentence) {
        super(sentence);
    }

    public DatabaseUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
