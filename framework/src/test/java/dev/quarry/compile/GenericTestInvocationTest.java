package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GenericTestInvocationTest {

    @Test
    void testsOfOneMacroWithArgumentsOfTheSameKindsShareAShape() {
        String orders = GenericTestInvocation.text("unique", Reference.ref(null, "orders"), "id", Map.of(), null);
        String customers = GenericTestInvocation.text("unique", Reference.ref(null, "customers"), "customer_id",
                Map.of(), null);

        GenericTestInvocation.Shape first = GenericTestInvocation.shape(orders).orElseThrow();
        GenericTestInvocation.Shape second = GenericTestInvocation.shape(customers).orElseThrow();

        assertThat(orders).isEqualTo("<@test_unique model=ref(\"orders\") column_name=\"id\"/>");
        assertThat(first.text()).isEqualTo("<@test_unique model=ref(quarry_args[0]) column_name=quarry_args[1]/>")
                .isEqualTo(second.text());
        assertThat(first.values()).containsExactly("orders", "id");
        assertThat(second.values()).containsExactly("customers", "customer_id");
    }

    @Test
    void literalsComeBackExactlyAsWritten() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("values", List.of("a \"quoted\" value", "back\\slash", "${not_a_variable}", "line\nbreak\ttab"));
        arguments.put("quote", false);
        arguments.put("to", "source('raw', 'orders')");
        String text = GenericTestInvocation.text("accepted_values", Reference.source("raw", "items"), "status",
                arguments, null);

        GenericTestInvocation.Shape shape = GenericTestInvocation.shape(text).orElseThrow();

        assertThat(shape.text()).isEqualTo("<@test_accepted_values model=source(quarry_args[0], quarry_args[1]) "
                + "column_name=quarry_args[2] values=[quarry_args[3], quarry_args[4], quarry_args[5], quarry_args[6]] "
                + "quote=false to=source(quarry_args[7], quarry_args[8])/>");
        assertThat(shape.values()).containsExactly("raw", "items", "status", "a \"quoted\" value", "back\\slash",
                "${not_a_variable}", "line\nbreak\ttab", "raw", "orders");
    }

    @Test
    void aTestWithAWhereConditionHasNoShape() {
        String text = GenericTestInvocation.text("not_null", Reference.ref(null, "orders"), "id", Map.of(),
                "status = \"open\"");

        assertThat(GenericTestInvocation.shape(text)).isEmpty();
    }
}
