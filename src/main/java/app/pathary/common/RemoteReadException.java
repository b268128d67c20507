package app.pathary.common;

/**
 * A remote system (Jellyfin, Radarr, Sonarr) could not be read, even after retrying what may pass, so the work that
 * needed it stopped before changing anything. The message is one sentence for a person that names the system and what
 * failed (shown on stderr, a page or a job's last error); the cause is for the log only.
 */
public class RemoteReadException extends RuntimeException {
    public RemoteReadException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
