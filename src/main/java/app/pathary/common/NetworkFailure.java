package app.pathary.common;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why a request to a remote system got no HTTP answer, classified from the exceptions of
 * {@code java.net.http.HttpClient}. Each remote system's transport maps it onto its own typed error.
 */
public enum NetworkFailure {
    CONNECTION_REFUSED, UNKNOWN_HOST, TLS_HANDSHAKE_FAILED, TIMED_OUT, CONNECTION_CLOSED, INTERRUPTED, NETWORK_ERROR;

    public static NetworkFailure classify(IOException failure) {
        if (anyCause(failure, HttpTimeoutException.class)) {
            return NetworkFailure.TIMED_OUT;
        }
        if (anyCause(failure, SSLException.class)) {
            return NetworkFailure.TLS_HANDSHAKE_FAILED;
        }
        if (anyCause(failure, UnresolvedAddressException.class) || anyCause(failure, UnknownHostException.class)) {
            return NetworkFailure.UNKNOWN_HOST;
        }
        if (anyCause(failure, ConnectException.class)) {
            return NetworkFailure.CONNECTION_REFUSED;
        }
        if (anyCause(failure, EOFException.class) || mentionsClosedConnection(failure)) {
            return NetworkFailure.CONNECTION_CLOSED;
        }
        return NetworkFailure.NETWORK_ERROR;
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
