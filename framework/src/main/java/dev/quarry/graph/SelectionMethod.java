package dev.quarry.graph;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.quarry.error.DidYouMean;

/**
 * The {@code method:} of a selector ({@code tag:nightly}, {@code path:models/staging}) and how it matches a node. A
 * bare value is {@link #FQN} (a name, a glob over names, or a dotted prefix of the fqn) or, when it contains a
 * {@code /} or ends with {@code .sql} or {@code .csv}, {@link #PATH}.
 */
public enum SelectionMethod {
    FQN("fqn", "fqn:sf_crime_stats.staging"),
    PATH("path", "path:models/staging"),
    TAG("tag", "tag:nightly"),
    SOURCE("source", "source:sfpd.incidents"),
    RESOURCE_TYPE("resource_type", "resource_type:model"),
    CONFIG("config", "config.materialized:table"),
    TEST_TYPE("test_type", "test_type:unit"),
    TEST_NAME("test_name", "test_name:not_null"),
    EXPOSURE("exposure", "exposure:dashboard"),
    FILE("file", "file:fct_incidents.sql"),
    PACKAGE("package", "package:sf_crime_stats"),
    UNIQUE_ID("unique_id", "unique_id:model.sf_crime_stats.fct_incidents");

    private static final List<String> TEST_TYPES = List.of("data", "unit");

    private final String selectorName;
    private final String example;

    SelectionMethod(String selectorName, String example) {
        this.selectorName = selectorName;
        this.example = example;
    }

    /** The word before the colon; {@code config} is written {@code config.<key>}. */
    public String selectorName() {
        return selectorName;
    }

    /** A selector using this method, for messages. */
    public String example() {
        return example;
    }

    /** The method a selector names, or empty; {@code config} is found by its bare name. */
    public static Optional<SelectionMethod> fromSelectorName(String name) {
        return Arrays.stream(values()).filter(method -> method.selectorName.equals(name)).findFirst();
    }

    /**
     * What is wrong with a value for this method, phrased so that it says what to write instead; empty when the value
     * is fine. Only methods with a closed set of values ({@code resource_type}, {@code test_type}) can reject one.
     */
    public Optional<String> problemWith(String value) {
        return switch (this) {
            case RESOURCE_TYPE -> ResourceType.fromSelectorName(value).isPresent()
                    ? Optional.empty()
                    : Optional.of(unknownValue("resource type", value,
                            Arrays.stream(ResourceType.values()).map(ResourceType::selectorName).toList()));
            case TEST_TYPE -> TEST_TYPES.contains(value)
                    ? Optional.empty()
                    : Optional.of(unknownValue("test type", value, TEST_TYPES));
            case FQN, PATH, TAG, SOURCE, CONFIG, TEST_NAME, EXPOSURE, FILE, PACKAGE, UNIQUE_ID -> Optional.empty();
        };
    }

    private static String unknownValue(String what, String value, List<String> known) {
        String hint = DidYouMean.hint(value, known);
        return "unknown " + what + " '" + value + "'" + (hint == null ? "" : " (" + hint + ")")
                + "; use one of " + String.join(", ", known);
    }

    /**
     * The test a node must pass to be selected by {@code method:value}; globs are compiled once, here.
     *
     * @param key   the config key of {@code config.<key>:value}; ignored by other methods
     * @param value the text after the colon, already checked by {@link #problemWith}
     */
    public Predicate<GraphNode> matcher(String key, String value) {
        return switch (this) {
            case FQN -> {
                GlobPattern glob = GlobPattern.of(value);
                yield node -> glob.matches(node.name()) || glob.matchesLeadingParts(node.fqn(), ".");
            }
            case PATH -> {
                String path = normalizedPath(value);
                GlobPattern glob = GlobPattern.of(path);
                yield node -> path.equals(".") || glob.matchesLeadingParts(pathParts(node.path()), "/");
            }
            case TAG -> {
                GlobPattern glob = GlobPattern.of(value);
                yield node -> node.tags().stream().anyMatch(glob::matches);
            }
            case SOURCE -> {
                // source:sfpd matches the source name, source:sfpd.incidents the node name, which is source.table
                GlobPattern glob = GlobPattern.of(value);
                yield node -> node.type() == ResourceType.SOURCE
                        && (glob.matches(node.sourceName()) || glob.matches(node.name()));
            }
            case RESOURCE_TYPE -> {
                ResourceType type = ResourceType.fromSelectorName(value).orElseThrow();
                yield node -> node.type() == type;
            }
            case CONFIG -> node -> configMatches(node.config().get(key), value);
            case TEST_TYPE -> node -> value.equals(node.testType());
            case TEST_NAME -> {
                GlobPattern glob = GlobPattern.of(value);
                yield node -> node.testName() != null && glob.matches(node.testName());
            }
            case EXPOSURE -> {
                GlobPattern glob = GlobPattern.of(value);
                yield node -> node.type() == ResourceType.EXPOSURE && glob.matches(node.name());
            }
            case FILE -> {
                // The name of the file a node is defined in, with or without its extension, as dbt's file: takes it
                // (a properties file's name selects the sources, tests and exposures it defines).
                GlobPattern glob = GlobPattern.of(value);
                yield node -> {
                    String file = node.path().substring(node.path().replace('\\', '/').lastIndexOf('/') + 1);
                    int dot = file.lastIndexOf('.');
                    return glob.matches(file) || dot > 0 && glob.matches(file.substring(0, dot));
                };
            }
            case PACKAGE -> {
                GlobPattern glob = GlobPattern.of(value);
                yield node -> !node.fqn().isEmpty() && glob.matches(node.fqn().get(0));
            }
            case UNIQUE_ID -> node -> node.uniqueId().equals(value);
        };
    }

    /** A list matches when any element does; other values by their string form ({@code true}, {@code 3}). */
    private static boolean configMatches(Object configured, String value) {
        if (configured instanceof Collection<?> elements) {
            return elements.stream().anyMatch(element -> configMatches(element, value));
        }
        return configured != null && String.valueOf(configured).equals(value);
    }

    private static String normalizedPath(String path) {
        String normalized = path.replace('\\', '/');
        while (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        return normalized;
    }

    private static List<String> pathParts(String path) {
        return Arrays.stream(normalizedPath(path).split("/")).filter(part -> !part.isEmpty()).toList();
    }
}
