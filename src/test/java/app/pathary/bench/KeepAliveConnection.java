package app.pathary.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection that POSTs as the Jellyfin webhook plugin does (text/plain) and reads the answer
 * (Content-Length or chunked). Far cheaper per request than a general client, so the load client leaves the CPU to
 * the server. Not thread-safe: one per sender.
 */
final class KeepAliveConnection implements AutoCloseable {
    /** Status and body of an answer. */
    record Answer(int status, String body) {
    }

    private final URI url;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI url, String userAgent) {
        this.url = url;
        this.head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nUser-Agent: " + userAgent + "\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    Answer post(byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(head);
            out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    private Answer read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        String body = chunked ? chunkedBody() : new String(in.readNBytes((int) Math.max(length, 0)), StandardCharsets.UTF_8);
        if (closing) {
            close();
        }
        return new Answer(code, body);
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers are not used
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
