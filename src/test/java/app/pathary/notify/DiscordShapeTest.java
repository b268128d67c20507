package app.pathary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A long digest stays inside Discord's limits: at most 25 fields, 6,000 characters, and it says how many were left out. */
class DiscordShapeTest {
    @Test
    void a_digest_of_forty_items_keeps_to_discords_limits_and_says_how_many_more() throws Exception {
        List<LeavingSoonItem> items = IntStream.rangeClosed(1, 40).mapToObj(i -> new LeavingSoonItem("Movie number " + i + " " + "x".repeat(200),
                LocalDate.of(2026, 3, 8), "watched by everyone ".repeat(20), "dana")).toList();

        JsonNode embed = new ObjectMapper().readTree(DiscordSender.body(Messages.leavingSoon(items, LocalDate.of(2026, 3, 1))))
                .path("embeds").get(0);

        assertThat(embed.path("fields").size()).isLessThanOrEqualTo(DiscordSender.MAX_FIELDS).isPositive();
        assertThat(embed.path("description").asText()).endsWith("… and 15 more");
        int total = embed.path("title").asText().length() + embed.path("description").asText().length();
        for (JsonNode field : embed.path("fields")) {
            total += field.path("name").asText().length() + field.path("value").asText().length();
            assertThat(field.path("value").asText().length()).isLessThanOrEqualTo(1024);
        }
        assertThat(total).isLessThanOrEqualTo(6000);
    }
}
