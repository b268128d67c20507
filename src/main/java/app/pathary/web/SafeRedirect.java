package app.pathary.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where to send a browser after a login (the {@code next} parameter): only a path on this server. Anything else —
 * another host ({@code //evil}, {@code /\evil}, {@code https:evil}), a scheme ({@code javascript:}), a control
 * character or space that browsers strip ({@code /<TAB>/evil}), a backslash, a dot segment, text beyond printable
 * ASCII, or one of these hidden behind one level of percent-encoding ({@code /%2F%2Fevil}, {@code /%5Cevil}) — leads
 * to the home page. Kept in one place so every redirect that takes a target from the request goes through it.
 */
public final class SafeRedirect {
    public static final String HOME = "/";
    private static final int MAX_LENGTH = 2048;

    private SafeRedirect() {
    }

    /** {@code next} when it is a same-origin path (with its query), else {@value #HOME}. */
    public static String target(String next) {
        if (next == null || next.length() > MAX_LENGTH || !printableAscii(next)) {
            return HOME;
        }
        String path = next.split("[?#]", 2)[0];
        String decodedPath;
        try {
            decodedPath = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return HOME;
        }
        if (!isLocalPath(path) || !isLocalPath(decodedPath) || !printableAscii(decodedPath)) {
            return HOME;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : HOME;
        } catch (URISyntaxException e) {
            return HOME;
        }
    }

    /** Printable ASCII without space or backslash: browsers drop tabs and newlines and read '\\' as '/'. */
    private static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLocalPath(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
