package dev.sfcrimestats.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of names (categories, neighborhoods) that rows refer to by position, so the data file repeats small numbers
 * instead of strings. A missing name (null) is listed as {@value #UNKNOWN}.
 */
final class Names {

    static final String UNKNOWN = "Unknown";

    private final Map<String, Integer> positions = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** A value as the list names it: its text, or {@value #UNKNOWN} when missing. */
    static String nameOf(Object value) {
        return value == null || String.valueOf(value).isBlank() ? UNKNOWN : String.valueOf(value);
    }

    /** The position of a name, adding it at the end when new. */
    int positionOf(Object name) {
        return positions.computeIfAbsent(nameOf(name), added -> {
            names.add(added);
            return names.size() - 1;
        });
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
