package app.pathary.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.common.JsonBody.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wholeJsonIsRead() {
        JsonBody body = JsonBody.read(JSON, "application/json; charset=utf-8", "[{\"id\":1}]");

        assertThat(body.readable()).isTrue();
        assertThat(body.json().get(0).get("id").asInt()).isEqualTo(1);
    }

    @Test
    void noBodyIsMissingRatherThanAProblem() {
        assertThat(JsonBody.read(JSON, null, null)).satisfies(body -> {
            assertThat(body.readable()).isTrue();
            assertThat(body.json().isMissingNode()).isTrue();
        });
        assertThat(JsonBody.read(JSON, "application/json", " \n").json().isMissingNode()).isTrue();
    }

    @Test
    void anHtmlPageIsKnownByItsTypeOrByItsFirstCharacter() {
        assertThat(JsonBody.read(JSON, "text/html; charset=utf-8", "Please sign in").problem()).isEqualTo(Problem.HTML_PAGE);
        assertThat(JsonBody.read(JSON, "application/json", "\n<!doctype html><html></html>").problem()).isEqualTo(Problem.HTML_PAGE);
        assertThat(JsonBody.read(JSON, null, "<html><body>502 Bad Gateway</body></html>").problem()).isEqualTo(Problem.HTML_PAGE);
    }

    @Test
    void jsonCutOffMalformedOrFollowedByMoreIsMalformed() {
        assertThat(JsonBody.read(JSON, "application/json", "[{\"id\":1,\"title\":\"The Mat").problem()).isEqualTo(Problem.MALFORMED_JSON);
        assertThat(JsonBody.read(JSON, "application/json", "{\"Items\":[").problem()).isEqualTo(Problem.MALFORMED_JSON);
        assertThat(JsonBody.read(JSON, "text/plain", "OK").problem()).isEqualTo(Problem.MALFORMED_JSON);
        assertThat(JsonBody.read(JSON, "application/json", "{\"a\":1}{\"a\":2}").problem()).isEqualTo(Problem.MALFORMED_JSON);
    }
}
