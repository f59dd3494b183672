package dev.quarry.compile;

import java.util.Locale;
import java.util.Optional;

/**
 * How a unit test names the inputs it gives rows for: {@code ref('x')}, {@code source('a', 'b')} or {@code this},
 * written in one canonical form whatever the quotes and spaces; and the CTE that holds each input's rows in the
 * compiled test.
 */
public final class UnitTestInputs {

    /** The input that stands for the model's own relation (an incremental model's existing rows). */
    public static final String THIS = "this";

    private static final String CTE_PREFIX = "quarry_given__";

    private UnitTestInputs() {
    }

    /** The canonical form of an input as YAML writes it, or empty when it is not a ref, a source or {@code this}. */
    public static Optional<String> canonical(String written) {
        if (written.strip().equals(THIS)) {
            return Optional.of(THIS);
        }
        return ReferenceExpression.parse(written).map(reference -> reference.isRef()
                ? UnitTestContext.refInput(reference.name())
                : UnitTestContext.sourceInput(reference.parts().get(0), reference.parts().get(1)));
    }

    /** The CTE holding a canonical input's rows: {@code quarry_given__source_raw_orders}. */
    public static String cteName(String canonical) {
        String plain = canonical.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return CTE_PREFIX + plain;
    }
}
