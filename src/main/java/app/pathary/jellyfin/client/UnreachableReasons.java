package app.pathary.jellyfin.client;

import app.pathary.common.NetworkFailure;
import app.pathary.jellyfin.client.JellyfinException.Unreachable.Reason;
import java.io.IOException;

/** The shared classification of {@link NetworkFailure}, as this remote system's {@link Reason}. */
final class UnreachableReasons {

    private UnreachableReasons() {
    }

    static Reason of(IOException failure) {
        return Reason.valueOf(NetworkFailure.classify(failure).name());
    }
}
