package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A member's walk through the history import on the account page, as the pages tests take it: upload a file, land on
 * its preview ({@code /account/imports/<id>}), commit it, and read the import's page once the commit job has finished.
 */
public final class ImportPages {
    private final WebClient member;

    public ImportPages(WebClient member) {
        this.member = member;
    }

    /** The preview an accepted upload redirects to: asserts the 302 to {@code /account/imports/<id>} and answers that path. */
    public static String previewOf(HttpResponse<String> uploaded) {
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String location = uploaded.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/account/imports/\\d+");
        return location;
    }

    /** Uploads a file with the account page's import form ({@code /account/imports}) and answers its preview's path. */
    public String stage(String name, String content) {
        return previewOf(member.upload("/account", "/account/imports", "file", name, content));
    }

    /** Commits a staged import (asserts the 302) and answers its page once the commit job has finished. */
    public String commit(String preview) {
        assertThat(member.submit(preview, preview + "/commit", Map.of()).statusCode()).isEqualTo(302);
        return awaitResult(preview);
    }

    /** The import's page once its commit job has finished; after 10 s, the page as it is then. */
    public String awaitResult(String preview) {
        for (int i = 0; i < 200; i++) {
            String page = member.get(preview).body();
            if (page.contains("id=\"import-result\"")) {
                return page;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return member.get(preview).body();
    }
}
