package app.pathary.arr;

import app.pathary.arr.ArrException.Unreachable.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Classifies the exceptions of {@code java.net.http.HttpClient} into a {@link Reason}. */
final class UnreachableReasons {

    private UnreachableReasons() {
    }

    static Reason of(IOException failure) {
        if (anyCause(failure, HttpTimeoutException.class)) {
            return Reason.TIMED_OUT;
        }
        if (anyCause(failure, SSLException.class)) {
            return Reason.TLS_HANDSHAKE_FAILED;
        }
        if (anyCause(failure, UnresolvedAddressException.class) || anyCause(failure, UnknownHostException.class)) {
            return Reason.UNKNOWN_HOST;
        }
        if (anyCause(failure, ConnectException.class)) {
            return Reason.CONNECTION_REFUSED;
        }
        if (anyCause(failure, EOFException.class) || mentionsClosedConnection(failure)) {
            return Reason.CONNECTION_CLOSED;
        }
        return Reason.NETWORK_ERROR;
    }

    private static boolean anyCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsClosedConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("closed") || message.contains("reset") || message.contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }
}
