package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.jellyfin.client.dto.BaseItemDto;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Item properties are read whatever their case (as Jackson's case-insensitive reading did), and unknown ones are skipped. */
class ItemJsonSpellingTest {

    private static BaseItemDto read(String json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            return ItemJson.item(parser);
        }
    }

    @Test
    void propertiesInAnotherCaseAreReadLikeJellyfinsOwnSpelling() throws IOException {
        String exact = """
                {"Id":"a1","Name":"Heat","Type":"Movie","ProductionYear":1995,"Path":"/m/Heat.mkv","IndexNumber":3,
                 "UserData":{"Played":true,"PlayCount":2,"IsFavorite":true,"LastPlayedDate":"2024-05-01T20:00:00.1234567Z"}}""";
        String otherCase = """
                {"id":"a1","NAME":"Heat","type":"Movie","productionYear":1995,"path":"/m/Heat.mkv","indexnumber":3,
                 "userData":{"played":true,"playCount":2,"ISFAVORITE":true,"lastPlayedDate":"2024-05-01T20:00:00.1234567Z"}}""";

        BaseItemDto expected = read(exact);
        assertThat(read(otherCase)).isEqualTo(expected);
        assertThat(read(otherCase)).as("read again, through the spellings it remembered").isEqualTo(expected);
        assertThat(expected.name()).isEqualTo("Heat");
        assertThat(expected.userData().played()).isTrue();
        assertThat(expected.userData().playCount()).isEqualTo(2);
    }

    @Test
    void unknownPropertiesOfAnyShapeAreSkipped() throws IOException {
        BaseItemDto item = read("""
                {"Chapters":[{"Name":"x"}],"Id":"b2","ImageTags":{"Primary":"t"},"Name":"Alien","Unknown":null,"Type":"Movie",
                 "userdatax":{"Played":true}}""");

        assertThat(item.id()).isEqualTo("b2");
        assertThat(item.name()).isEqualTo("Alien");
        assertThat(item.userData()).isNull();
    }
}
