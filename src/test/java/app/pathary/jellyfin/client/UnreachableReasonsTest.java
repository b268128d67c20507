package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.jellyfin.client.JellyfinException.Unreachable.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class UnreachableReasonsTest {

    @Test
    void anUnresolvedHostWrappedInConnectExceptionsIsHostNotFound() {
        IOException failure = new ConnectException();
        failure.initCause(new ConnectException());
        failure.getCause().initCause(new UnresolvedAddressException());

        assertThat(UnreachableReasons.of(failure)).isEqualTo(Reason.UNKNOWN_HOST);
    }

    @Test
    void aPlainConnectExceptionIsConnectionRefused() {
        assertThat(UnreachableReasons.of(new ConnectException())).isEqualTo(Reason.CONNECTION_REFUSED);
    }

    @Test
    void connectAndRequestTimeoutsAreTimedOut() {
        assertThat(UnreachableReasons.of(new HttpConnectTimeoutException("HTTP connect timed out"))).isEqualTo(Reason.TIMED_OUT);
        assertThat(UnreachableReasons.of(new HttpTimeoutException("request timed out"))).isEqualTo(Reason.TIMED_OUT);
    }

    @Test
    void anSslFailureAnywhereInTheChainIsTlsHandshakeFailed() {
        assertThat(UnreachableReasons.of(new IOException(new SSLHandshakeException("PKIX path building failed"))))
                .isEqualTo(Reason.TLS_HANDSHAKE_FAILED);
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsConnectionClosed() {
        assertThat(UnreachableReasons.of(new IOException("HTTP/1.1 header parser received no bytes")))
                .isEqualTo(Reason.CONNECTION_CLOSED);
        assertThat(UnreachableReasons.of(new java.io.EOFException("EOF reached while reading")))
                .isEqualTo(Reason.CONNECTION_CLOSED);
    }

    @Test
    void anythingElseIsANetworkError() {
        assertThat(UnreachableReasons.of(new IOException("No route to host"))).isEqualTo(Reason.NETWORK_ERROR);
    }
}
