package dev.quarry.compile;

import java.util.List;

/**
 * A {@code ref()} or {@code source()} a template made.
 *
 * @param kind  {@code ref} or {@code source}
 * @param parts ref: [name] or [package, name]; source: [source, table]
 */
public record Reference(String kind, List<String> parts) {

    public Reference {
        parts = List.copyOf(parts);
    }

    public static Reference ref(String packageName, String name) {
        return new Reference("ref", packageName == null ? List.of(name) : List.of(packageName, name));
    }

    public static Reference source(String sourceName, String tableName) {
        return new Reference("source", List.of(sourceName, tableName));
    }

    public boolean isRef() {
        return kind.equals("ref");
    }

    /** The model or seed name of a ref; the table of a source. */
    public String name() {
        return parts.get(parts.size() - 1);
    }
}
