package app.pathary.jellyfin.sync;

import app.pathary.jellyfin.client.JellyfinException;

/**
 * Some writes of an export still failed after their retries while the rest went through. The job tries again; its next
 * attempt reads the library again and sends only what is still needed, so the writes already made are kept.
 */
final class JellyfinExportIncomplete extends Exception {
    JellyfinExportIncomplete(int failed, int writes, Exception first) {
        super(failed + " of " + writes + " writes to Jellyfin failed even after retries ("
                + (first instanceof JellyfinException jellyfin ? jellyfin.userMessage() : first.getMessage())
                + "); the others were made, and the next attempt sends only what is still needed.", first);
    }
}
