package dev.quarry.graph;

import java.util.Arrays;
import java.util.Optional;

/** What a node of the graph is. {@link #selectorName()} is the word used in {@code resource_type:} selectors. */
public enum ResourceType {
    MODEL("model"),
    SEED("seed"),
    SOURCE("source"),
    DATA_TEST("test"),
    UNIT_TEST("unit_test"),
    EXPOSURE("exposure");

    private final String selectorName;

    ResourceType(String selectorName) {
        this.selectorName = selectorName;
    }

    public String selectorName() {
        return selectorName;
    }

    public boolean isTest() {
        return this == DATA_TEST || this == UNIT_TEST;
    }

    public static Optional<ResourceType> fromSelectorName(String name) {
        return Arrays.stream(values()).filter(type -> type.selectorName.equals(name)).findFirst();
    }
}
