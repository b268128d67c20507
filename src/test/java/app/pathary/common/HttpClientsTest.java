package app.pathary.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients set TLS up on their first https connection, with the JVM's default context: plain http works without it,
 * an untrusted certificate is refused, and a certificate the JVM trusts is accepted with the host name checked.
 */
class HttpClientsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    Path folder;
    private HttpsServer https;
    private HttpServer plain;
    private SSLContext jvmDefault;
    private KeyStore keys;

    @BeforeEach
    void start() throws Exception {
        jvmDefault = SSLContext.getDefault();
        Path store = folder.resolve("server.p12");
        // a self-signed certificate for 127.0.0.1, made by the JDK's keytool
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        https.createContext("/System/Info/Public", exchange -> {
            byte[] body = "{\"ServerName\":\"tls\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            byte[] body = "plain".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plain.start();
    }

    @AfterEach
    void stop() {
        SSLContext.setDefault(jvmDefault);
        https.stop(0);
        plain.stop(0);
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void plainHttpIsAnsweredAsByAnyClient() throws Exception {
        HttpResponse<String> answer = get(HttpClients.create(Duration.ofSeconds(5)), "http://127.0.0.1:" + plain.getAddress().getPort() + "/x");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("plain");
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsRefused() {
        HttpClient client = HttpClients.create(Duration.ofSeconds(5));

        assertThatThrownBy(() -> get(client, "https://127.0.0.1:" + https.getAddress().getPort() + "/System/Info/Public"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aCertificateTheJvmTrustsIsAcceptedForItsOwnHostOnly() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
        SSLContext.setDefault(trusting); // as a trust store given with -Djavax.net.ssl.trustStore would be
        HttpClient client = HttpClients.create(Duration.ofSeconds(5));
        int port = https.getAddress().getPort();

        HttpResponse<String> answer = get(client, "https://127.0.0.1:" + port + "/System/Info/Public");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("tls");
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        // the certificate names 127.0.0.1 only: by the name "localhost" the host name check refuses it
        assertThatThrownBy(() -> get(client, "https://localhost:" + port + "/System/Info/Public")).isInstanceOf(SSLHandshakeException.class);
    }
}
