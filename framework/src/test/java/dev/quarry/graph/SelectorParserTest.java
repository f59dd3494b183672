package dev.quarry.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.quarry.error.ErrorCode;
import dev.quarry.error.UsageException;
import dev.quarry.graph.SelectionExpression.Criterion;
import dev.quarry.graph.SelectionExpression.GraphOperator;
import dev.quarry.graph.SelectionExpression.Intersection;
import dev.quarry.graph.SelectionExpression.Union;

class SelectorParserTest {

    private static final int ALL = GraphOperator.ALL;
    private static final int NONE = GraphOperator.NONE;

    private static SelectionExpression parse(String... arguments) {
        return SelectorParser.parse(List.of(arguments)).orElseThrow();
    }

    private static Criterion criterion(SelectionMethod method, String value) {
        return new Criterion(method, null, value);
    }

    @Test
    void bareValuesAreNamesOrPaths() {
        assertThat(parse("stg_orders")).isEqualTo(criterion(SelectionMethod.FQN, "stg_orders"));
        assertThat(parse("stg_*")).isEqualTo(criterion(SelectionMethod.FQN, "stg_*"));
        assertThat(parse("sf_crime_stats.staging")).isEqualTo(criterion(SelectionMethod.FQN, "sf_crime_stats.staging"));
        assertThat(parse("models/staging")).isEqualTo(criterion(SelectionMethod.PATH, "models/staging"));
        assertThat(parse("models\\staging")).isEqualTo(criterion(SelectionMethod.PATH, "models\\staging"));
        assertThat(parse("stg_orders.sql")).isEqualTo(criterion(SelectionMethod.PATH, "stg_orders.sql"));
        assertThat(parse("codes.csv")).isEqualTo(criterion(SelectionMethod.PATH, "codes.csv"));
    }

    @Test
    void everyMethodParses() {
        assertThat(parse("path:models/staging")).isEqualTo(criterion(SelectionMethod.PATH, "models/staging"));
        assertThat(parse("tag:night*")).isEqualTo(criterion(SelectionMethod.TAG, "night*"));
        assertThat(parse("source:sfpd")).isEqualTo(criterion(SelectionMethod.SOURCE, "sfpd"));
        assertThat(parse("source:sfpd.incidents")).isEqualTo(criterion(SelectionMethod.SOURCE, "sfpd.incidents"));
        assertThat(parse("resource_type:unit_test")).isEqualTo(criterion(SelectionMethod.RESOURCE_TYPE, "unit_test"));
        assertThat(parse("config.materialized:table"))
                .isEqualTo(new Criterion(SelectionMethod.CONFIG, "materialized", "table"));
        assertThat(parse("config.incremental_strategy:delete+insert"))
                .isEqualTo(new Criterion(SelectionMethod.CONFIG, "incremental_strategy", "delete+insert"));
        assertThat(parse("test_type:data")).isEqualTo(criterion(SelectionMethod.TEST_TYPE, "data"));
        assertThat(parse("fqn:proj.marts.*")).isEqualTo(criterion(SelectionMethod.FQN, "proj.marts.*"));
        assertThat(parse("unique_id:model.proj.a")).isEqualTo(criterion(SelectionMethod.UNIQUE_ID, "model.proj.a"));
        assertThat(parse("path:C:x")).isEqualTo(criterion(SelectionMethod.PATH, "C:x"));
    }

    @Test
    void graphOperatorsParse() {
        Criterion x = criterion(SelectionMethod.FQN, "x");
        assertThat(parse("+x")).isEqualTo(new GraphOperator(x, ALL, NONE, false));
        assertThat(parse("x+")).isEqualTo(new GraphOperator(x, NONE, ALL, false));
        assertThat(parse("+x+")).isEqualTo(new GraphOperator(x, ALL, ALL, false));
        assertThat(parse("2+x")).isEqualTo(new GraphOperator(x, 2, NONE, false));
        assertThat(parse("x+1")).isEqualTo(new GraphOperator(x, NONE, 1, false));
        assertThat(parse("12+x+3")).isEqualTo(new GraphOperator(x, 12, 3, false));
        assertThat(parse("@x")).isEqualTo(new GraphOperator(x, NONE, NONE, true));
        assertThat(parse("+tag:nightly")).isEqualTo(
                new GraphOperator(criterion(SelectionMethod.TAG, "nightly"), ALL, NONE, false));
        assertThat(parse("@path:models/marts")).isEqualTo(
                new GraphOperator(criterion(SelectionMethod.PATH, "models/marts"), NONE, NONE, true));
    }

    @Test
    void spacesAndArgumentsAreUnionsAndCommasIntersections() {
        Criterion a = criterion(SelectionMethod.FQN, "a");
        Criterion b = criterion(SelectionMethod.FQN, "b");
        Criterion tag = criterion(SelectionMethod.TAG, "nightly");
        Criterion table = new Criterion(SelectionMethod.CONFIG, "materialized", "table");

        assertThat(parse("a b")).isEqualTo(new Union(List.of(a, b)));
        assertThat(parse("a", "b")).isEqualTo(new Union(List.of(a, b)));
        assertThat(parse("  a \t b ", "")).isEqualTo(new Union(List.of(a, b)));
        assertThat(parse("tag:nightly,config.materialized:table"))
                .isEqualTo(new Intersection(List.of(tag, table)));
        assertThat(parse("a tag:nightly,+b")).isEqualTo(new Union(List.of(
                a, new Intersection(List.of(tag, new GraphOperator(b, ALL, NONE, false))))));
    }

    @Test
    void noTermsAtAllIsEmpty() {
        assertThat(SelectorParser.parse(List.of())).isEqualTo(Optional.empty());
        assertThat(SelectorParser.parse(List.of("", "  "))).isEqualTo(Optional.empty());
    }

    @Test
    void termsSplitArgumentsOnWhitespace() {
        assertThat(SelectorParser.terms(List.of(" a  b,c ", "", "+d"))).containsExactly("a", "b,c", "+d");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ++x         | bad selector '++x': '+' appears twice before the name; write '+x' for all ancestors or '2+x' for two levels
            1+2+x       | bad selector '1+2+x': '+' appears twice before the name; write '+x' for all ancestors or '2+x' for two levels
            x++         | bad selector 'x++': '+' appears twice after the name; write 'x+' for all descendants or 'x+2' for two levels
            x+1+        | bad selector 'x+1+': '+' appears twice after the name; write 'x+' for all descendants or 'x+2' for two levels
            1+          | bad selector '1+': nothing to select next to the operators; write a name or method:value, as in '1+my_model'
            +           | bad selector '+': nothing to select next to the operators; write a name or method:value, as in '+my_model'
            @           | bad selector '@': nothing to select next to the operators; write a name or method:value, as in '@my_model'
            @x+         | bad selector '@x+': '@' cannot be combined with '+'; write '@x' for x, its descendants and their ancestors, or '+x+' for its ancestors and descendants
            @2+x        | bad selector '@2+x': '@' cannot be combined with '+'; write '@x' for x, its descendants and their ancestors, or '+x+' for its ancestors and descendants
            @@x         | bad selector '@@x': '@' can only come first; write '@x'
            +@x         | bad selector '+@x': '@' can only come first; write '@x'
            0+x         | bad selector '0+x': depth '0' is out of range; write a depth from 1 to 999999, or '+' alone for every level
            x+99999999999 | bad selector 'x+99999999999': depth '99999999999' is out of range; write a depth from 1 to 999999, or '+' alone for every level
            tag:        | bad selector 'tag:': no value after 'tag:'; write one, as in 'tag:nightly'
            +path:      | bad selector '+path:': no value after 'path:'; write one, as in 'path:models/staging'
            config.materialized: | bad selector 'config.materialized:': no value after 'config.materialized:'; write one, as in 'config.materialized:table'
            :x          | bad selector ':x': no method before ':'; write a method such as 'tag:x', or the name alone
            config:table | bad selector 'config:table': config selectors name a key; write e.g. 'config.materialized:table'
            config.:table | bad selector 'config.:table': config selectors name a key; write e.g. 'config.materialized:table'
            tga:x       | bad selector 'tga:x': unknown method 'tga' (did you mean 'tag'?); use one of fqn, path, tag, source, resource_type, config.<key>, test_type, test_name, exposure, file, package, unique_id, or a bare name
            confg.materialized:table | bad selector 'confg.materialized:table': unknown method 'confg.materialized' (did you mean 'config.materialized'?); use one of fqn, path, tag, source, resource_type, config.<key>, test_type, test_name, exposure, file, package, unique_id, or a bare name
            confg:table | bad selector 'confg:table': unknown method 'confg' (did you mean 'config.<key>'?); use one of fqn, path, tag, source, resource_type, config.<key>, test_type, test_name, exposure, file, package, unique_id, or a bare name
            state:modified | bad selector 'state:modified': unknown method 'state'; use one of fqn, path, tag, source, resource_type, config.<key>, test_type, test_name, exposure, file, package, unique_id, or a bare name
            tag.x:y     | bad selector 'tag.x:y': unknown method 'tag.x'; use one of fqn, path, tag, source, resource_type, config.<key>, test_type, test_name, exposure, file, package, unique_id, or a bare name
            resource_type:modle | bad selector 'resource_type:modle': unknown resource type 'modle' (did you mean 'model'?); use one of model, seed, source, test, unit_test, exposure
            resource_type:snapshot | bad selector 'resource_type:snapshot': unknown resource type 'snapshot'; use one of model, seed, source, test, unit_test, exposure
            test_type:generic | bad selector 'test_type:generic': unknown test type 'generic'; use one of data, unit
            test_type:units | bad selector 'test_type:units': unknown test type 'units' (did you mean 'unit'?); use one of data, unit
            "a,,b"      | bad selector 'a,,b': a comma with nothing on one side; write the parts to intersect as 'tag:nightly,config.materialized:table'
            "a,"        | bad selector 'a,': a comma with nothing on one side; write the parts to intersect as 'tag:nightly,config.materialized:table'
            "tag:x,++y" | bad selector '++y': '+' appears twice before the name; write '+x' for all ancestors or '2+x' for two levels
            """)
    void malformedSelectorsSayWhatIsWrongAndWhatToWrite(String selector, String message) {
        assertThatThrownBy(() -> SelectorParser.parse(List.of("ok", selector)))
                .isInstanceOfSatisfying(UsageException.class,
                        exception -> assertThat(exception.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(message);
    }
}
