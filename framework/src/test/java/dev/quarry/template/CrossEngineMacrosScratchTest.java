package dev.quarry.template;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.error.Diagnostics;

class CrossEngineMacrosScratchTest {
    @Test
    void print() throws Exception {
        String[] calls = {
            "${date_trunc('month', 'incident_date')}", "${date_trunc('week', 'd')}",
            "${dateadd('month', 1, 'd')}", "${dateadd('day', '-1', 'd')}",
            "${datediff('a', 'b', 'day')}", "${datediff('a', 'b', 'week')}",
            "${safe_cast('x', 'integer')}", "${safe_cast('x', 'numeric(5,2)')}", "${safe_cast('x', 'date')}", "${safe_cast('x', 'varchar')}",
            "${type_string()} ${type_int()} ${type_bigint()} ${type_float()} ${type_numeric()} ${type_timestamp()} ${type_date()} ${type_boolean()}",
            "${generate_surrogate_key(['a', 'b'])}", "${date_spine('month', \"date '2024-01-01'\", \"date '2024-04-01'\")}",
            "${current_timestamp()}", "${concat(['a', \"'-'\", 'b'])}", "${hash('x')}", "${split_part('s', \"','\", 2)}",
            "${listagg('m', \"', '\", 'order by m')}", "${listagg('m')}", "${any_value('x')}", "${cast_bool_to_text('b')}",
            "${escape_single_quotes(\"it's a\\\\b\")}", "${string_literal(\"it's\")}", "${last_day('d', 'month')}",
            "${position(\"'b'\", 's')}", "${length('s')}", "${replace('f', \"'a'\", \"'b'\")}", "${right('s', 3)}", "${bool_or('b')}",
        };
        TemplateEngine engine = TemplateEngine.create(List.of(), new Diagnostics());
        int i = 0;
        for (String type : List.of("duckdb", "h2", "bigquery")) {
            System.out.println("=== " + type);
            for (String call : calls) {
                String out = engine.render("m" + (i++) + ".sql", call, new FakeRenderContext(), new RenderEnvironment(Map.of("type", type), "", "")).text();
                System.out.println(call + "\n    " + out.replace("\n", "\n    ") + "|");
            }
        }
    }
}
