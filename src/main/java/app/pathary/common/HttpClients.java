package app.pathary.common;

import java.net.http.HttpClient;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The HTTP clients Pathary talks to Jellyfin, the *arrs, Seerr and notification services with. A JDK client sets up
 * TLS when it is built: the JVM's default {@link SSLContext} reads every trusted certificate and checks every cipher
 * suite, about 0.25 s of CPU, on every command, even one that never makes a request or only speaks plain http. Here the
 * client gets a context that turns into the JVM's default one on the first https connection, and the same TLS
 * settings (trust store, protocols, hostname check) apply then.
 *
 * <p>The client's TLS parameters are left empty so that building it asks nothing of the context: the engine's own
 * defaults apply, and HTTPS connections use HTTP/1.1 (the JDK offers HTTP/2 over TLS only when the client's parameters
 * list the TLS versions), which Jellyfin, the *arrs and Seerr all serve.
 */
public final class HttpClients {
    private static final SSLContext TLS_ON_FIRST_USE = new OnFirstUse();

    private HttpClients() {
    }

    /** A new client with this connect timeout and TLS set up on its first https connection. */
    public static HttpClient create(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(TLS_ON_FIRST_USE).sslParameters(new SSLParameters()).build();
    }

    private static final class OnFirstUse extends SSLContext {
        OnFirstUse() {
            super(new DefaultWhenUsed(), null, "Default");
        }
    }

    /** Every call goes to the JVM's default context, made (once, by the JDK) on the first call. */
    private static final class DefaultWhenUsed extends SSLContextSpi {
        private static SSLContext jvmDefault() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java has no default TLS context", e);
            }
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("the default TLS context is not initialised by hand");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return jvmDefault().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return jvmDefault().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return jvmDefault().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return jvmDefault().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return jvmDefault().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return jvmDefault().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return jvmDefault().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return jvmDefault().getSupportedSSLParameters();
        }
    }
}
