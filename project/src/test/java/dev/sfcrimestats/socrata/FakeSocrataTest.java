package dev.sfcrimestats.socrata;

import static dev.sfcrimestats.socrata.SodaTestClient.JSON;
import static dev.sfcrimestats.socrata.SodaTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeSocrataTest {

    private static final String FIXED_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private FakeSocrata fake;
    private SodaTestClient client;

    @BeforeEach
    void start() {
        fake = FakeSocrata.start(FakeSocrata.SFPD_DATASET);
        client = new SodaTestClient(fake.resourceUri());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void servesRowsInTheApiJsonFormWithSystemFieldsOnlyWhenSelected() throws Exception {
        List<Map<String, Object>> stored = fake.putAll(SfpdRows.sample(30));

        JsonNode all = client.rows("$select", ":*,*", "$order", ":id");
        JsonNode plain = client.rows("$order", ":id");

        assertThat(all).hasSize(30);
        JsonNode first = all.get(0);
        assertThat(first.get(":id").asText()).isEqualTo(stored.get(0).get(":id")).matches("row-[0-9a-z]{9}");
        assertThat(first.get(":created_at").asText()).matches(FIXED_TIMESTAMP);
        assertThat(first.get(":updated_at").asText()).matches(FIXED_TIMESTAMP);
        assertThat(first.get("incident_id").isTextual()).isTrue();
        assertThat(first.get("incident_year").asText()).matches("\\d{4}");
        for (JsonNode row : all) {
            assertThat(row.get("row_id").asText())
                    .isEqualTo(row.get("incident_id").asText() + row.get("incident_code").asText());
            if (row.has("latitude")) {
                assertThat(row.get("latitude").isTextual()).isTrue();
                assertThat(row.get("point").get("type").asText()).isEqualTo("Point");
                assertThat(row.get("point").get("coordinates").get(0).asDouble())
                        .isEqualTo(Double.parseDouble(row.get("longitude").asText()));
            }
            if (row.has("filed_online")) {
                assertThat(row.get("filed_online").isBoolean()).isTrue();
                assertThat(row.get("report_type_description").asText()).startsWith("Coplogic");
            }
            row.properties().forEach(field -> assertThat(field.getValue().isNull()).isFalse());
        }
        assertThat(plain).hasSize(30);
        assertThat(plain.get(0).has(":id")).isFalse();
        assertThat(plain.get(0).get("row_id")).isEqualTo(first.get("row_id"));
    }

    @Test
    void sendsSocrataHeaders() throws Exception {
        fake.putAll(SfpdRows.sample(3));

        HttpResponse<String> response = client.get(params("$select", ":id,row_id,point", "$order", ":id"));

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("X-SODA2-Fields")).hasValue("[\":id\",\"row_id\",\"point\"]");
        assertThat(response.headers().firstValue("X-SODA2-Types")).hasValue("[\"meta_data\",\"text\",\"point\"]");
        assertThat(response.headers().firstValue("Last-Modified").orElseThrow()).endsWith(" GMT");
        // Streamed, not sized up front.
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(JSON.readTree(response.body()).get(0).size()).isEqualTo(3);
    }

    @Test
    void selectsNamedFieldsOnly() throws Exception {
        fake.putAll(SfpdRows.sample(4));

        JsonNode rows = client.rows("$select", "row_id", "$order", ":id");

        assertThat(rows).hasSize(4);
        rows.forEach(row -> assertThat(row.fieldNames()).toIterable().containsExactly("row_id"));
    }

    @Test
    void anotherDatasetIsNotFound() throws Exception {
        HttpResponse<String> response = new SodaTestClient(fake.baseUri().resolve("/resource/abcd-1234.json"))
                .get(params());

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.get("error").asBoolean()).isTrue();
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void aRequiredTokenMustBeSent() throws Exception {
        fake.requireToken("secret-token");

        HttpResponse<String> without = client.get(params());
        HttpResponse<String> wrong = client.get(params(), "X-App-Token", "other");
        HttpResponse<String> right = client.get(params("$limit", "5"), "X-App-Token", "secret-token");

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(without.body()).get("code").asText()).isEqualTo("permission_denied");
        assertThat(JSON.readTree(without.body()).get("message").asText()).isEqualTo("Invalid app_token specified");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(right.statusCode()).isEqualTo(200);
        RecordedRequest last = fake.requests().get(2);
        assertThat(last.header("x-app-token")).isEqualTo("secret-token");
        assertThat(last.param("$limit")).isEqualTo("5");
        assertThat(last.status()).isEqualTo(200);
    }

    @Test
    void gzipsWhenAsked() throws Exception {
        fake.putAll(SfpdRows.sample(50));
        String plain = client.get(params("$order", ":id")).body();

        HttpResponse<byte[]> zipped = client.getBytes(params("$order", ":id"), "Accept-Encoding", "gzip, deflate");

        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(plain);
        assertThat(fake.requests().get(1).asksGzip()).isTrue();
        assertThat(fake.requests().get(0).asksGzip()).isFalse();
    }

    @Test
    void incrementalQueriesSeeUpdatesAndPutsButNotDeletes() throws Exception {
        List<Map<String, Object>> stored = fake.putAll(SfpdRows.sample(10));
        String watermark = fake.clock().nowText();
        String updatedRowId = (String) stored.get(2).get("row_id");

        Map<String, Object> updated = fake.update(updatedRowId, Map.of("resolution", "Cite or Arrest Adult"));
        fake.delete((String) stored.get(5).get("row_id"));
        Map<String, Object> added = fake.put(new SfpdRows(100).row(50));

        JsonNode changed = client.rows("$select", ":*,*", "$where", ":updated_at > '" + watermark + "'",
                "$order", ":updated_at");

        assertThat(changed).extracting(row -> row.get("row_id").asText())
                .containsExactly(updatedRowId, (String) added.get("row_id"));
        assertThat(changed.get(0).get("resolution").asText()).isEqualTo("Cite or Arrest Adult");
        assertThat(changed.get(0).get(":created_at").asText()).isEqualTo(stored.get(2).get(":created_at"));
        assertThat((String) updated.get(":updated_at")).isGreaterThan((String) stored.get(9).get(":updated_at"));
        assertThat(fake.rows()).hasSize(10);
        assertThat(client.rows("$select", "count(*) AS row_count")).first()
                .satisfies(row -> assertThat(row.get("row_count").asText()).isEqualTo("10"));
    }

    @Test
    void puttingAStoredRowIdReplacesThatRow() {
        Map<String, Object> first = fake.put(Map.of("row_id", "7", "resolution", "Open or Active", "cnn", "123"));
        fake.put(Map.of("row_id", "8"));

        Map<String, Object> again = fake.put(Map.of("row_id", "7", "resolution", "Unfounded"));

        assertThat(fake.rows()).hasSize(2);
        assertThat(again).containsEntry(":id", first.get(":id")).containsEntry(":created_at", first.get(":created_at"))
                .containsEntry("resolution", "Unfounded").doesNotContainKey("cnn");
        assertThat((String) again.get(":updated_at")).isGreaterThan((String) first.get(":updated_at"));
    }

    @Test
    void updatedAtIsUniqueAndIncreasing() {
        List<Map<String, Object>> stored = fake.putAll(SfpdRows.sample(200));

        List<String> stamps = stored.stream().map(row -> (String) row.get(":updated_at")).toList();

        assertThat(stamps).doesNotHaveDuplicates().isSorted();
        assertThat(stamps.get(0)).isEqualTo("2026-11-27T18:00:00.001Z");
        assertThat(FakeClock.format(fake.now())).isEqualTo(stamps.get(199));
    }

    @Test
    void keysetPagingOnIdVisitsEveryRowOnce() throws Exception {
        fake.putAll(SfpdRows.sample(95));
        List<String> seen = new ArrayList<>();
        String last = "";

        while (true) {
            JsonNode page = client.rows("$select", ":id,row_id", "$where", ":id > '" + last + "'", "$order", ":id",
                    "$limit", "10");
            if (page.isEmpty()) {
                break;
            }
            page.forEach(row -> seen.add(row.get("row_id").asText()));
            last = page.get(page.size() - 1).get(":id").asText();
        }

        assertThat(seen).containsExactlyElementsOf(
                fake.rows().stream().map(row -> (String) row.get("row_id")).toList());
    }

    @Test
    void withoutOrderRowsComeInAnArbitraryOrder() throws Exception {
        fake.putAll(SfpdRows.sample(40));
        List<String> inIdOrder = fake.rows().stream().map(row -> (String) row.get("row_id")).toList();

        List<String> first = rowIds(client.rows());
        List<String> second = rowIds(client.rows());

        assertThat(first).containsExactlyInAnyOrderElementsOf(inIdOrder).isNotEqualTo(inIdOrder);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void limitsAndOffsets() throws Exception {
        fake.putAll(SfpdRows.sample(1005));
        List<String> all = fake.rows().stream().map(row -> (String) row.get("row_id")).toList();

        assertThat(client.rows("$order", ":id")).hasSize(1000);
        assertThat(rowIds(client.rows("$order", ":id", "$limit", "3", "$offset", "1000")))
                .containsExactlyElementsOf(all.subList(1000, 1003));
        assertThat(client.rows("$order", ":id", "$offset", "2000")).isEmpty();
    }

    @Test
    void ordersByAFieldEitherWay() throws Exception {
        fake.putAll(SfpdRows.sample(60));

        List<String> descending = client.rows("$order", "incident_datetime DESC", "$limit", "60").findValuesAsText(
                "incident_datetime");
        List<String> ascending = client.rows("$order", "incident_datetime", "$limit", "60").findValuesAsText(
                "incident_datetime");

        assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ascending).isSorted().hasSize(60);
    }

    @Test
    void aNewFieldIsListedAndServed() throws Exception {
        fake.putAll(SfpdRows.sample(2));
        fake.addField("data_loaded_at");
        Map<String, Object> withNew = new java.util.LinkedHashMap<>(new SfpdRows(10).row(7));
        withNew.put("new_field", "surprise");
        fake.put(withNew);

        HttpResponse<String> response = client.get(params("$order", ":id"));

        assertThat(response.headers().firstValue("X-SODA2-Fields").orElseThrow())
                .contains("\"new_field\"", "\"data_loaded_at\"", "\"incident_datetime\"");
        JsonNode rows = JSON.readTree(response.body());
        assertThat(rows.get(2).get("new_field").asText()).isEqualTo("surprise");
        assertThat(rows.get(0).has("new_field")).isFalse();
    }

    private static List<String> rowIds(JsonNode rows) {
        return rows.findValuesAsText("row_id");
    }
}
