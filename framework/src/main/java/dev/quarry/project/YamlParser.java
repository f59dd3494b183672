package dev.quarry.project;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

/**
 * Reads YAML text into {@link YamlNode}s that remember their file, line and column. Syntax errors and duplicate keys
 * are reported to the diagnostics with their location.
 */
public final class YamlParser {

    private YamlParser() {
    }

    /**
     * Parses one YAML document.
     *
     * @return the document's root, or empty when the file is empty or has a syntax error (then reported)
     */
    public static Optional<YamlNode> parse(String text, String file, Diagnostics diagnostics) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema()).build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            return root.map(node -> new Converter(file, diagnostics).convert(node));
        } catch (MarkedYamlEngineException syntax) {
            // An unclosed quote or bracket is found at the end of the file; where it was opened helps more.
            boolean atEnd = syntax.getProblem() != null
                    && (syntax.getProblem().contains("end of stream") || syntax.getProblem().contains("<stream end>"));
            Mark mark = (atEnd ? syntax.getContextMark().or(syntax::getProblemMark)
                    : syntax.getProblemMark().or(syntax::getContextMark)).orElse(null);
            SourceLocation location = mark == null
                    ? SourceLocation.of(file)
                    : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = syntax.getProblem() == null ? "invalid YAML" : syntax.getProblem();
            String context = syntax.getContext() == null || syntax.getContext().isBlank() ? ""
                    : " (" + syntax.getContext() + ")";
            diagnostics.error(location, "YAML syntax error: " + problem + context,
                    "check the indentation and quoting on this line and the one before it");
            return Optional.empty();
        } catch (YamlEngineException invalid) {
            diagnostics.error(SourceLocation.of(file), "YAML error: " + invalid.getMessage());
            return Optional.empty();
        }
    }

    private static final class Converter {
        private final String file;
        private final Diagnostics diagnostics;
        private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
        private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

        Converter(String file, Diagnostics diagnostics) {
            this.file = file;
            this.diagnostics = diagnostics;
        }

        YamlNode convert(Node node) {
            YamlNode done = converted.get(node);
            if (done != null) {
                return done;
            }
            if (inProgress.put(node, Boolean.TRUE) != null) {
                diagnostics.error(locationOf(node), "an alias refers to the value that contains it",
                        "YAML anchors may be reused, but not inside themselves");
                return new YamlScalar(null, YamlScalar.Kind.NULL, locationOf(node));
            }
            YamlNode result = switch (node.getNodeType()) {
                case SCALAR -> scalar((ScalarNode) node);
                case SEQUENCE -> sequence((SequenceNode) node);
                case MAPPING -> mapping((MappingNode) node);
                case ANCHOR -> throw new IllegalStateException("anchor nodes are resolved by the composer");
            };
            converted.put(node, result);
            return result;
        }

        private SourceLocation locationOf(Node node) {
            return node.getStartMark()
                    .map(mark -> new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1))
                    .orElse(SourceLocation.of(file));
        }

        private YamlScalar scalar(ScalarNode node) {
            Tag tag = node.getTag();
            YamlScalar.Kind kind;
            if (Tag.NULL.equals(tag)) {
                kind = YamlScalar.Kind.NULL;
            } else if (Tag.BOOL.equals(tag)) {
                kind = YamlScalar.Kind.BOOLEAN;
            } else if (Tag.INT.equals(tag)) {
                kind = YamlScalar.Kind.INTEGER;
            } else if (Tag.FLOAT.equals(tag)) {
                kind = YamlScalar.Kind.FLOAT;
            } else {
                kind = YamlScalar.Kind.STRING;
            }
            String text = kind == YamlScalar.Kind.NULL ? null : node.getValue();
            return new YamlScalar(text, kind, locationOf(node));
        }

        private YamlList sequence(SequenceNode node) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : node.getValue()) {
                items.add(convert(item));
            }
            return new YamlList(items, locationOf(node));
        }

        private YamlMap mapping(MappingNode node) {
            Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                YamlNode key = convert(tuple.getKeyNode());
                SourceLocation keyLocation = key.location();
                if (!(key instanceof YamlScalar scalarKey) || scalarKey.isNull()) {
                    diagnostics.error(keyLocation, "a mapping key must be a plain name, not " + key.describe());
                    continue;
                }
                String name = scalarKey.text();
                if (entries.containsKey(name)) {
                    diagnostics.error(keyLocation, "duplicate key '" + name + "'",
                            "it is already set at line " + entries.get(name).keyLocation().line()
                                    + "; keep one of them");
                    continue;
                }
                entries.put(name, new YamlMap.Entry(name, keyLocation, convert(tuple.getValueNode())));
            }
            return new YamlMap(entries, locationOf(node));
        }
    }
}
