package dev.sfcrimestats.socrata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PageParserTest {

    private final List<Map<String, String>> rows = new ArrayList<>();

    private long parse(String json) throws Exception {
        return PageParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                row -> rows.add(new LinkedHashMap<>(row)));
    }

    @Test
    void readsTheApiFormOfARow() throws Exception {
        long count = parse("[{\":id\":\"row-a\",\"row_id\":\"136484905151\",\"supervisor_district\":\"3\","
                + "\"latitude\":\"37.796897888183594\",\"filed_online\":true,\"incident_datetime\":"
                + "\"2024-02-15T00:00:00.000\",\"point\":{\"type\":\"Point\",\"coordinates\":"
                + "[-122.42195892333984,37.796897888183594]},\":@computed_region_jwn9_ihcz\":\"41\"}]");

        assertThat(count).isEqualTo(1);
        assertThat(rows.get(0)).containsEntry("row_id", "136484905151")
                .containsEntry("supervisor_district", "3")
                .containsEntry("latitude", "37.796897888183594")
                .containsEntry("filed_online", "true")
                .containsEntry("incident_datetime", "2024-02-15T00:00:00.000")
                .containsEntry("point", "POINT (-122.42195892333984 37.796897888183594)")
                .containsEntry(":@computed_region_jwn9_ihcz", "41");
    }

    @Test
    void nullFieldsAreAbsentAndNumbersKeepTheirDigits() throws Exception {
        parse("[{\"a\":null,\"b\":12.50,\"c\":false,\"d\":{\"x\":1}},{\"e\":\"2\"}]");

        assertThat(rows.get(0)).doesNotContainKey("a").containsEntry("b", "12.50").containsEntry("c", "false")
                .containsEntry("d", "{\"x\":1}");
        assertThat(rows.get(1)).containsOnlyKeys("e");
    }

    @Test
    void anEmptyResultIsNoRows() throws Exception {
        assertThat(parse("[]")).isZero();
        assertThat(rows).isEmpty();
    }

    @Test
    void aBodyCutShortNamesItsOffset() {
        assertThatThrownBy(() -> parse("[{\"a\":\"1\"},{\"b\":\"2"))
                .isInstanceOf(MalformedPageException.class)
                .satisfies(failure -> assertThat(((MalformedPageException) failure).offset()).isGreaterThan(10));
        assertThat(rows).hasSize(1);
    }

    @Test
    void aBodyThatIsNotAnArrayIsMalformed() {
        assertThatThrownBy(() -> parse("{\"error\":true}")).isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("expected a JSON array of rows");
        assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("the body ends");
    }
}
