package app.pathary.common;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * A 2xx body decoded as it streams in, with the same judgements as {@link JsonBody}: no body is {@link #empty()}, an
 * HTML page (by its content type or its first character) and JSON cut off, malformed or followed by more text are
 * {@link JsonBody.Problem}s; nothing from Jackson escapes. The body is never held as text nor as a tree: the
 * {@link Decoder} reads the values it needs from the parser and keeps only those.
 *
 * @param value   what the decoder made, or {@code null} when the body was empty or had a problem
 * @param empty   the body held nothing but white space
 * @param problem why the body could not be read, or {@code null}
 */
public record JsonStream<T>(T value, boolean empty, JsonBody.Problem problem) {

    /** Reads one JSON value from a parser standing on its first token. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(JsonParser parser) throws IOException;
    }

    /** A JSON value of a shape the route does not promise; the transport turns it into its typed error. */
    public static final class WrongShape extends RuntimeException {
        public WrongShape(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * @throws IOException when the stream itself fails (a dropped connection, a deadline): the transport's to classify;
     *                     JSON that does not parse is a {@link JsonBody.Problem#MALFORMED_JSON}, never an exception
     */
    public static <T> JsonStream<T> read(JsonFactory factory, String contentType, InputStream body, Decoder<T> decoder)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 16 * 1024);
        in.mark(64 * 1024);
        int first = firstNonBlank(in);
        if (first < 0) {
            return new JsonStream<>(null, true, null);
        }
        if ((contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) || first == '<') {
            return new JsonStream<>(null, false, JsonBody.Problem.HTML_PAGE);
        }
        in.reset();
        try (JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() == null) {
                return new JsonStream<>(null, false, JsonBody.Problem.MALFORMED_JSON);
            }
            T value = decoder.decode(parser);
            if (parser.nextToken() != null) {
                return new JsonStream<>(null, false, JsonBody.Problem.MALFORMED_JSON);
            }
            return new JsonStream<>(value, false, null);
        } catch (JacksonException e) {
            return new JsonStream<>(null, false, JsonBody.Problem.MALFORMED_JSON);
        }
    }

    /** Skips white space (and a UTF-8 byte order mark); returns the first other byte, or -1 at the end. */
    private static int firstNonBlank(InputStream in) throws IOException {
        int position = 0;
        for (int b = in.read(); b >= 0; b = in.read(), position++) {
            boolean bom = position < 3 && (b == 0xEF || b == 0xBB || b == 0xBF);
            if (b > ' ' && !bom) {
                return b;
            }
            if (position > 60_000) {
                return b;
            }
        }
        return -1;
    }
}
