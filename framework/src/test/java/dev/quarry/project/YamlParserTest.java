package dev.quarry.project;

import static dev.quarry.project.ProjectDirectory.formatted;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

class YamlParserTest {

    private static final String FILE = "models/schema.yml";

    private final Diagnostics diagnostics = new Diagnostics();

    private YamlMap parseMap(String yaml) {
        return (YamlMap) YamlParser.parse(yaml, FILE, diagnostics).orElseThrow();
    }

    private YamlScalar scalarOf(String valueText) {
        return (YamlScalar) parseMap("key: " + valueText + "\n").get("key").orElseThrow();
    }

    private List<String> messages() {
        return formatted(diagnostics.sorted());
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    @Test
    void mapKeysAndValuesKeepTheirOneBasedLineAndColumn() {
        YamlMap root = parseMap("""
                name: shop
                models:
                  - name: stg_orders
                    config: {materialized: view}
                """);

        assertThat(root.location()).isEqualTo(at(1, 1));
        assertThat(root.entries().get("name").keyLocation()).isEqualTo(at(1, 1));
        assertThat(root.get("name").orElseThrow().location()).isEqualTo(at(1, 7));
        assertThat(root.entries().get("models").keyLocation()).isEqualTo(at(2, 1));
        YamlList models = (YamlList) root.get("models").orElseThrow();
        assertThat(models.location()).isEqualTo(at(3, 3));
        YamlMap model = (YamlMap) models.items().get(0);
        assertThat(model.location()).isEqualTo(at(3, 5));
        assertThat(model.entries().get("name").keyLocation()).isEqualTo(at(3, 5));
        assertThat(model.get("name").orElseThrow()).isEqualTo(new YamlScalar("stg_orders", YamlScalar.Kind.STRING,
                at(3, 11)));
        assertThat(model.entries().get("config").keyLocation()).isEqualTo(at(4, 5));
        YamlMap config = (YamlMap) model.get("config").orElseThrow();
        assertThat(config.location()).isEqualTo(at(4, 13));
        assertThat(config.entries().get("materialized").keyLocation()).isEqualTo(at(4, 14));
        assertThat(config.get("materialized").orElseThrow().location()).isEqualTo(at(4, 28));
        assertThat(messages()).isEmpty();
    }

    @Test
    void mappingsKeepTheKeysInFileOrder() {
        YamlMap root = parseMap("zeta: 1\nalpha: 2\nmiddle: 3\n");

        assertThat(root.entries().keySet()).containsExactly("zeta", "alpha", "middle");
        assertThat(root.toPlain()).isEqualTo(orderedMap("zeta", 1L, "alpha", 2L, "middle", 3L));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "yes          | STRING  | yes",
        "no           | STRING  | no",
        "on           | STRING  | on",
        "1_000        | STRING  | 1_000",
        "2024-01-01   | STRING  | 2024-01-01",
        "'5'          | STRING  | 5",
        "\"1\"          | STRING  | 1",
        "'true'       | STRING  | true",
        "'~'          | STRING  | ~",
        "42           | INTEGER | 42",
        "-7           | INTEGER | -7",
        "+12          | INTEGER | +12",
        "0x1F         | INTEGER | 0x1F",
        ".5           | FLOAT   | .5",
        "1.25         | FLOAT   | 1.25",
        "1e3          | FLOAT   | 1e3",
        "true         | BOOLEAN | true",
        "False        | BOOLEAN | False",
        "TRUE         | BOOLEAN | TRUE",
    })
    void scalarsResolveByTheYaml12CoreSchema(String written, YamlScalar.Kind kind, String text) {
        YamlScalar scalar = scalarOf(written);

        assertThat(scalar.kind()).isEqualTo(kind);
        assertThat(scalar.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} is null")
    @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
    void nullsHaveNoText(String written) {
        YamlScalar scalar = scalarOf(written);

        assertThat(scalar.kind()).isEqualTo(YamlScalar.Kind.NULL);
        assertThat(scalar.isNull()).isTrue();
        assertThat(scalar.text()).isNull();
        assertThat(scalar.toPlain()).isNull();
        assertThat(scalar.describe()).isEqualTo("null");
    }

    @Test
    void scalarsBecomePlainJavaValues() {
        YamlMap root = parseMap("""
                word: yes
                count: 1_000
                hex: 0x1F
                half: .5
                big: 1e3
                signed: +12
                huge: 123456789012345678901234567890
                flag: True
                quoted: "42"
                nothing: ~
                """);

        assertThat(root.toPlain()).isEqualTo(orderedMap(
                "word", "yes",
                "count", "1_000",
                "hex", 31L,
                "half", 0.5,
                "big", 1000.0,
                "signed", 12L,
                "huge", new BigInteger("123456789012345678901234567890"),
                "flag", true,
                "quoted", "42",
                "nothing", null));
    }

    @Test
    void scalarsDescribeThemselvesForErrorMessages() {
        YamlMap root = parseMap("a: hello\nb: 5\nc: 1.5\nd: false\ne: [1]\nf: {x: 1}\n");

        assertThat(root.get("a").orElseThrow().describe()).isEqualTo("the string 'hello'");
        assertThat(root.get("b").orElseThrow().describe()).isEqualTo("the number 5");
        assertThat(root.get("c").orElseThrow().describe()).isEqualTo("the number 1.5");
        assertThat(root.get("d").orElseThrow().describe()).isEqualTo("the boolean false");
        assertThat(root.get("e").orElseThrow().describe()).isEqualTo("a list");
        assertThat(root.get("f").orElseThrow().describe()).isEqualTo("a mapping");
    }

    @Test
    void aLeadingZeroIsStillDecimal() {
        assertThat(scalarOf("017").toPlain()).isEqualTo(17L);
    }

    @Test
    void octalIntegersBecomeNumbers() {
        assertThat(scalarOf("0o17").toPlain()).isEqualTo(15L);
    }

    @Test
    void infinityAndNotANumberBecomeDoubles() {
        assertThat(scalarOf(".inf").toPlain()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(scalarOf("-.inf").toPlain()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(scalarOf(".nan").toPlain()).isEqualTo(Double.NaN);
    }

    @Test
    void aDuplicateKeyIsReportedAtItsSecondLineNamingTheFirst() {
        YamlMap root = parseMap("""
                name: shop
                profile: shop
                name: other
                """);

        assertThat(messages()).containsExactly("""
                models/schema.yml:3:1: error: duplicate key 'name'
                  hint: it is already set at line 1; keep one of them""");
        assertThat(root.get("name").orElseThrow().toPlain()).isEqualTo("shop");
    }

    @Test
    void duplicateKeysAreFoundInsideNestedMappings() {
        parseMap("""
                models:
                  - name: a
                    description: first
                    config:
                      materialized: view
                      materialized: table
                    description: second
                """);

        assertThat(messages()).containsExactly("""
                models/schema.yml:6:7: error: duplicate key 'materialized'
                  hint: it is already set at line 5; keep one of them""", """
                models/schema.yml:7:5: error: duplicate key 'description'
                  hint: it is already set at line 3; keep one of them""");
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineAndColumnAndGivesNoDocument() {
        Optional<YamlNode> parsed = YamlParser.parse("name: shop\nprofile: a: b\n", FILE, diagnostics);

        assertThat(parsed).isEmpty();
        assertThat(messages()).containsExactly("""
                models/schema.yml:2:11: error: YAML syntax error: mapping values are not allowed here
                  hint: check the indentation and quoting on this line and the one before it""");
    }

    @Test
    void aBadIndentationNamesWhatWasBeingParsed() {
        Optional<YamlNode> parsed = YamlParser.parse("tags:\n  - a\n - b\n", FILE, diagnostics);

        assertThat(parsed).isEmpty();
        assertThat(messages()).containsExactly("models/schema.yml:3:2: error: YAML syntax error: expected "
                + "<block end>, but found '<block sequence start>' (while parsing a block mapping)\n"
                + "  hint: check the indentation and quoting on this line and the one before it");
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItOpens() {
        Optional<YamlNode> parsed = YamlParser.parse("name: \"shop\nprofile: shop\n", FILE, diagnostics);

        assertThat(parsed).isEmpty();
        assertThat(messages()).containsExactly("""
                models/schema.yml:1:7: error: YAML syntax error: found unexpected end of stream \
                (while scanning a quoted scalar)
                  hint: check the indentation and quoting on this line and the one before it""");
    }

    @Test
    void anUnclosedBracketIsReportedWhereItOpens() {
        YamlParser.parse("tags: [core,\n  daily\n", FILE, diagnostics);
        YamlParser.parse("config: {materialized: view\n", "other.yml", diagnostics);

        assertThat(messages()).containsExactly("models/schema.yml:1:7: error: YAML syntax error: expected ',' or "
                + "']', but got <stream end> (while parsing a flow sequence)\n"
                + "  hint: check the indentation and quoting on this line and the one before it",
                "other.yml:1:9: error: YAML syntax error: expected ',' or '}', but got <stream end> "
                        + "(while parsing a flow mapping)\n"
                        + "  hint: check the indentation and quoting on this line and the one before it");
    }

    @Test
    void aTabInTheIndentationIsASyntaxError() {
        YamlParser.parse("config:\n\tmaterialized: view\n", FILE, diagnostics);

        assertThat(messages()).containsExactly("models/schema.yml:2:1: error: YAML syntax error: found character "
                + "'\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) "
                + "(while scanning for the next token)\n"
                + "  hint: check the indentation and quoting on this line and the one before it");
    }

    @Test
    void anUndefinedAliasIsASyntaxErrorWithoutAnEmptyContext() {
        YamlParser.parse("name: shop\nbase: *defaults\n", FILE, diagnostics);

        assertThat(messages()).containsExactly("""
                models/schema.yml:2:7: error: YAML syntax error: found undefined alias defaults
                  hint: check the indentation and quoting on this line and the one before it""");
    }

    @Test
    void aSecondDocumentIsAnError() {
        Optional<YamlNode> parsed = YamlParser.parse("a: 1\n---\nb: 2\n", FILE, diagnostics);

        assertThat(parsed).isEmpty();
        assertThat(messages()).containsExactly("models/schema.yml:2:1: error: YAML syntax error: but found another "
                + "document (expected a single document in the stream)\n"
                + "  hint: check the indentation and quoting on this line and the one before it");
    }

    @Test
    void anEmptyOrCommentOnlyFileHasNoDocumentAndNoError() {
        assertThat(YamlParser.parse("", FILE, diagnostics)).isEmpty();
        assertThat(YamlParser.parse("# nothing yet\n\n", FILE, diagnostics)).isEmpty();
        assertThat(messages()).isEmpty();
    }

    @Test
    void aKeyThatIsNotAPlainNameIsAnError() {
        YamlMap root = parseMap("~: 1\n[a, b]: 2\nok: 3\n");

        assertThat(root.entries().keySet()).containsExactly("ok");
        assertThat(messages()).containsExactly(
                "models/schema.yml:1:1: error: a mapping key must be a plain name, not null",
                "models/schema.yml:2:1: error: a mapping key must be a plain name, not a list");
    }

    @Test
    void numberAndBooleanKeysAreReadAsTheirText() {
        YamlMap root = parseMap("1: one\ntrue: yes\n");

        assertThat(root.entries().keySet()).containsExactly("1", "true");
    }

    @Test
    void anAliasIsTheAnchoredNodeLocatedAtTheAnchor() {
        YamlMap root = parseMap("""
                defaults: &defaults
                  materialized: view
                  tags: [core]
                staging: *defaults
                """);

        YamlNode anchored = root.get("defaults").orElseThrow();
        YamlNode alias = root.get("staging").orElseThrow();
        assertThat(alias).isSameAs(anchored);
        assertThat(alias.location()).isEqualTo(at(1, 11));
        assertThat(root.toPlain()).isEqualTo(orderedMap(
                "defaults", orderedMap("materialized", "view", "tags", List.of("core")),
                "staging", orderedMap("materialized", "view", "tags", List.of("core"))));
        assertThat(messages()).isEmpty();
    }

    @Test
    void aMergeKeyCopiesTheAnchoredEntriesAfterTheOwnOnes() {
        YamlMap root = parseMap("""
                base: &base
                  materialized: view
                  schema: raw
                marts:
                  <<: *base
                  materialized: table
                """);

        YamlMap marts = (YamlMap) root.get("marts").orElseThrow();
        assertThat(marts.toPlain()).isEqualTo(orderedMap("materialized", "table", "schema", "raw"));
        assertThat(marts.entries().get("schema").keyLocation()).isEqualTo(at(3, 3));
        assertThat(messages()).isEmpty();
    }

    @Test
    void aScalarAnchorCanBeReusedAsAValue() {
        YamlMap root = parseMap("first: &name shop\nsecond: *name\n");

        assertThat(root.toPlain()).isEqualTo(orderedMap("first", "shop", "second", "shop"));
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return map;
    }
}
