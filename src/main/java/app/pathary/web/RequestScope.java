package app.pathary.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Wraps every request (pages, API, static files): gives it a request id, in the log context ({@code requestId}) of
 * every line logged while it runs and in the {@code X-Request-Id} answer header (an id sent by a trusted proxy is kept,
 * so the proxy's log and Pathary's share it), and puts {@code BASE_PATH} in front of every redirect to a path of ours.
 *
 * <p>Code inside Pathary writes paths as if it ran at the root ({@code ctx.redirect("/history")}); this is the one place
 * where a {@code Location} header gets the base path, as the templates' {@code page.base()} is for links.
 */
public final class RequestScope implements Filter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private final ForwardedHeaders forwarded;
    private final String basePath;

    public RequestScope(ForwardedHeaders forwarded, String basePath) {
        this.forwarded = forwarded;
        this.basePath = basePath;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        String id = requestId(http);
        MDC.put(MDC_KEY, id);
        try {
            answer.setHeader(HEADER, id);
            chain.doFilter(request, basePath.isEmpty() ? answer : new UnderBasePath(answer, basePath));
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private String requestId(HttpServletRequest request) {
        String sent = request.getHeader(HEADER);
        if (sent != null && sent.matches("[A-Za-z0-9._:-]{1,128}") && forwarded.fromTrustedProxy(request)) {
            return sent;
        }
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A path of ours ({@code /x}, not {@code //host} nor a full URL) in a Location header gets the base path in front. */
    static String located(String location, String basePath) {
        if (location == null || !location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) {
            return location;
        }
        return basePath + location;
    }

    private static final class UnderBasePath extends HttpServletResponseWrapper {
        private final String basePath;

        UnderBasePath(HttpServletResponse response, String basePath) {
            super(response);
            this.basePath = basePath;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Location".equalsIgnoreCase(name) ? located(value, basePath) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Location".equalsIgnoreCase(name) ? located(value, basePath) : value);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(located(location, basePath));
        }
    }
}
