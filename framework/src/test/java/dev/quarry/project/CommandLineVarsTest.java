package dev.quarry.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.quarry.error.ErrorCode;
import dev.quarry.error.UsageException;

class CommandLineVarsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void noVarsGiveAnEmptyMap(String given) {
        assertThat(CommandLineVars.parse(given)).isEmpty();
    }

    @Test
    void aFlowMappingKeepsItsOrderAndTheValuesTheirKinds() {
        Map<String, Object> vars = CommandLineVars.parse(
                "{start_date: '2024-01-01', limit: 5, full: true, ratio: 0.5, answer: yes, tags: [a, b], "
                        + "window: {days: 7}}");

        assertThat(vars).containsExactly(
                Map.entry("start_date", "2024-01-01"),
                Map.entry("limit", 5L),
                Map.entry("full", true),
                Map.entry("ratio", 0.5),
                Map.entry("answer", "yes"),
                Map.entry("tags", List.of("a", "b")),
                Map.entry("window", Map.of("days", 7L)));
    }

    @Test
    void aBlockMappingIsAcceptedToo() {
        assertThat(CommandLineVars.parse("start_date: 2024-01-01\nlimit: \"5\"\n"))
                .containsExactly(Map.entry("start_date", "2024-01-01"), Map.entry("limit", "5"));
    }

    @Test
    void aNullValueIsKeptAndCanBePassedToTheLoader() {
        Map<String, Object> vars = CommandLineVars.parse("{cutoff: ~, name: shop}");

        Map<String, Object> expected = new HashMap<>();
        expected.put("cutoff", null);
        expected.put("name", "shop");
        assertThat(vars).isEqualTo(expected);
        assertThat(new LoadOptions(null, null, null, vars, Map.of()).commandLineVars()).isEqualTo(expected);
    }

    @Test
    void invalidYamlIsAUsageErrorThatShowsTheExpectedShape() {
        assertThatThrownBy(() -> CommandLineVars.parse("{start_date: '2024-01-01'"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--vars is not valid YAML (column 1): expected ',' or '}', but got <stream end> "
                        + "(while parsing a flow mapping); write it as '{name: value, other: 2}'")
                .extracting(thrown -> ((UsageException) thrown).code())
                .isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void aDuplicateNameIsAUsageError() {
        assertThatThrownBy(() -> CommandLineVars.parse("{limit: 1, limit: 2}"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--vars is not valid YAML (column 12): duplicate key 'limit'; write it as "
                        + "'{name: value, other: 2}'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "5", "start_date", "~", "# only a comment"})
    void anythingButAMappingIsAUsageError(String given) {
        assertThatThrownBy(() -> CommandLineVars.parse(given))
                .isInstanceOf(UsageException.class)
                .hasMessage("--vars must be a YAML mapping, such as '{start_date: \"2024-01-01\"}'");
    }

    @Test
    void theUsageErrorEndsTheCommandWithExitCodeTwo() {
        UsageException thrown = catchThrowableOfType(UsageException.class, () -> CommandLineVars.parse("[a]"));

        assertThat(thrown.code().exitCode()).isEqualTo(2);
        assertThat(thrown.diagnostics()).isEmpty();
    }
}
