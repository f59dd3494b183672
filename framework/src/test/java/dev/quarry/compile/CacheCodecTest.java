package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CacheCodecTest {

    private static final ParsedTemplate PARSED = new ParsedTemplate("sum",
            List.of(new Reference("ref", List.of("orders"))), Map.of(), Map.of(), Map.of(), false);

    @Test
    void keepsTheOutputColumnsOfACompiledModel() throws IOException {
        Map<String, CacheEntry> entries = new LinkedHashMap<>();
        entries.put("models/a.sql", new CacheEntry("p1", PARSED, null, null, null)
                .withCompiled("c1", "select id, total from orders", null, List.of("id", "total")));
        entries.put("models/b.sql", new CacheEntry("p2", PARSED, null, null, null)
                .withCompiled("c2", "select * from orders", null, null));

        Map<String, CacheEntry> read = roundTrip(entries);

        assertThat(read.get("models/a.sql").outputColumns()).containsExactly("id", "total");
        assertThat(read.get("models/a.sql").compiledSql()).isEqualTo("select id, total from orders");
        assertThat(read.get("models/b.sql").outputColumns()).isNull();
        assertThat(read.get("models/b.sql").compileKey()).isEqualTo("c2");
    }

    @Test
    void keepsWhatATemplateReadFromOutside() throws IOException {
        ParsedTemplate parsed = new ParsedTemplate("sum", List.of(), Map.of(), Map.of("REGION", "eu"),
                Map.of(dev.quarry.template.RenderTrace.sourceTableKey("landing.v2", "orders"), true), false);
        Map<String, CacheEntry> entries = new LinkedHashMap<>();
        entries.put("models/a.sql", new CacheEntry("p1", parsed, null, null, null));

        ParsedTemplate read = roundTrip(entries).get("models/a.sql").parsed();

        assertThat(read.envVarsRead()).containsExactly(Map.entry("REGION", "eu"));
        assertThat(read.sourceFilesSeen()).containsExactly(Map.entry("landing.v2\u0000orders", true));
    }

    private static Map<String, CacheEntry> roundTrip(Map<String, CacheEntry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            CacheCodec.write(entries, out);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return CacheCodec.read(in);
        }
    }
}
