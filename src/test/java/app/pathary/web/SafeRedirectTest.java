package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a login may send the browser: a path on this server, nothing a browser could read as another host. */
class SafeRedirectTest {
    /** Known open-redirect bypasses (protocol-relative, backslashes, stripped whitespace, schemes, encodings). */
    static final List<String> BYPASSES = List.of(
            "//evil.example", "///evil.example", "////evil.example/path",
            "/\\evil.example", "/\\/evil.example", "/\\\\evil.example", "\\\\evil.example", "\\/evil.example", "\\evil.example",
            "/\t/evil.example", "/\r/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", " //evil.example",
            "/ /evil.example", "/\u0000/evil.example", "/\u000b/evil.example", "/\u000c/evil.example", "/\u007f/evil.example",
            "https://evil.example", "http://evil.example/", "https:evil.example", "http:/evil.example", "HTTPS://evil.example",
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "evil.example", "@evil.example", ":evil.example", "",
            "%2F%2Fevil.example", "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%5cevil.example",
            "/%09/evil.example", "/%0d%0a/evil.example", "/%0D%0ALocation:%20https://evil.example", "/%00/evil.example",
            "/%E3%80%82evil.example", "/%", "/%zz", "/%2e%2e//evil.example", "/..//evil.example", "/./evil.example",
            "/\uff0f\uff0fevil.example", "\uff0f\uff0fevil.example", "/\u3002evil.example", "/\u2028/evil.example",
            "/history/../\\evil.example", "/" + "a".repeat(3000));

    @Test
    void every_known_bypass_leads_home() {
        assertThat(BYPASSES).allSatisfy(next -> assertThat(SafeRedirect.target(next)).as(next).isEqualTo("/"));
        assertThat(SafeRedirect.target(null)).isEqualTo("/");
    }

    @Test
    void a_path_on_this_server_is_kept_with_its_query_and_fragment() {
        assertThat(List.of("/", "/history", "/history?q=star%20wars&page=2", "/movies/42", "/settings/integrations/jellyfin",
                "/history?q=a+b", "/add#search", "/@user", "/history?next=//evil.example", "/a:b"))
                .allSatisfy(next -> assertThat(SafeRedirect.target(next)).as(next).isEqualTo(next));
    }
}
