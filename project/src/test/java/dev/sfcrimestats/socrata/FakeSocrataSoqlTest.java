package dev.sfcrimestats.socrata;

import static dev.sfcrimestats.socrata.SodaTestClient.JSON;
import static dev.sfcrimestats.socrata.SodaTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SoQL subset of {@link FakeSocrata}, through HTTP. */
class FakeSocrataSoqlTest {

    private FakeSocrata fake;
    private SodaTestClient client;

    @BeforeEach
    void start() {
        fake = FakeSocrata.start(FakeSocrata.SFPD_DATASET);
        client = new SodaTestClient(fake.resourceUri());
        fake.put(Map.of("row_id", "1", "incident_datetime", "2018-01-01T00:00:00.000", "supervisor_district", "9",
                "incident_id", "900"));
        fake.put(Map.of("row_id", "2", "incident_datetime", "2018-01-01T08:30:00.000", "supervisor_district", 10,
                "incident_id", "1000"));
        fake.put(Map.of("row_id", "3", "incident_datetime", "2017-12-31T23:59:00.000", "supervisor_district", "2"));
        fake.put(Map.of("row_id", "4", "filed_online", true));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    // Timestamps compare whatever the literal's precision; numbers numerically; text (incident_id) as text.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "incident_datetime >= '2018-01-01'                                   | 1,2",
        "incident_datetime = '2018-01-01T00:00:00'                           | 1",
        "incident_datetime < '2018-01-01T00:00:00.000'                       | 3",
        "incident_datetime <= '2018-01-01T08:30'                             | 1,2,3",
        "(incident_datetime > '2017-12-31') AND (row_id != '2')              | 1,3",
        "(incident_datetime > '2017-12-31' and row_id <> '2') AND row_id < '3' | 1",
        "supervisor_district > '9'                                           | 2",
        "supervisor_district >= 9                                            | 1,2",
        "incident_id > '9'                                                   | 1",
        "incident_id < '9'                                                   | 2",
        "filed_online = 'true'                                               | 4",
        "row_id = 'it''s'                                                    | \"\"",
    })
    void filters(String where, String expectedRowIds) throws Exception {
        JsonNode rows = client.rows("$where", where, "$order", "row_id");

        assertThat(String.join(",", rows.findValuesAsText("row_id"))).isEqualTo(expectedRowIds);
    }

    @Test
    void systemTimestampsCompareWithOrWithoutTheirZ() throws Exception {
        String second = (String) fake.rows().get(1).get(":updated_at");

        assertThat(client.rows("$where", ":updated_at > '" + second + "'").findValuesAsText("row_id"))
                .containsExactlyInAnyOrder("3", "4");
        assertThat(client.rows("$where", ":updated_at > '" + second.replace("Z", "") + "'")).hasSize(2);
        assertThat(client.rows("$where", ":created_at >= '2026-11-27'")).hasSize(4);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$where  | row_id = '1' OR row_id = '2'                  | query.compiler.malformed",
        "$where  | upper(row_id) = '1'                           | query.compiler.malformed",
        "$where  | row_id IS NULL                                | query.compiler.malformed",
        "$where  | (row_id = '1'                                 | query.compiler.malformed",
        "$where  | row_id = '1                                   | query.compiler.malformed",
        "$where  | row_id = '1' AND                              | query.compiler.malformed",
        "$where  | no_such_field = '1'                           | query.soql.no-such-column",
        "$where  | incident_datetime > 'yesterday'               | query.soql.type-mismatch",
        "$select | row_id AS id                                  | query.compiler.malformed",
        "$select | count(*), row_id                              | query.compiler.malformed",
        "$select | nothing_here                                  | query.soql.no-such-column",
        "$order  | row_id sideways                               | query.compiler.malformed",
        "$limit  | ten                                           | query.compiler.malformed",
        "$offset | -1                                            | query.compiler.malformed",
        "$group  | row_id                                        | query.compiler.malformed",
        "$q      | burglary                                      | query.compiler.malformed",
    })
    void rejectsWhatItDoesNotSupport(String parameter, String value, String code) throws Exception {
        HttpResponse<String> response = client.get(params(parameter, value));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("error").asBoolean()).isTrue();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(fake.requests()).last().extracting(RecordedRequest::data).isEqualTo(false);
    }

    @Test
    void countsAndFindsTheLatestUpdate() throws Exception {
        String latest = (String) fake.rows().get(3).get(":updated_at");

        HttpResponse<String> response = client.get(params("$select",
                "COUNT( * ) as row_count,max(:updated_at) AS max_updated_at", "$where", "row_id > '1'"));

        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "[{\"row_count\":\"3\",\"max_updated_at\":\"" + latest + "\"}]"));
        assertThat(response.headers().firstValue("X-SODA2-Fields")).hasValue("[\"row_count\",\"max_updated_at\"]");
        assertThat(client.rows("$select", "count(*)")).isEqualTo(JSON.readTree("[{\"count\":\"4\"}]"));
    }

    @Test
    void aggregatesOverNoRowsOmitTheMaximum() throws Exception {
        JsonNode rows = client.rows("$select", "count(*) AS row_count, max(:updated_at) AS max_updated_at",
                "$where", "row_id > '9'");

        assertThat(rows).isEqualTo(JSON.readTree("[{\"row_count\":\"0\"}]"));
    }

    @Test
    void simpleFiltersAreEqualities() throws Exception {
        assertThat(client.rows("supervisor_district", "10").findValuesAsText("row_id")).isEqualTo(List.of("2"));
    }

    @Test
    void ignoresRequestOptions() throws Exception {
        assertThat(client.rows("$$app_token", "abc", "$order", ":id")).hasSize(4);
    }
}
