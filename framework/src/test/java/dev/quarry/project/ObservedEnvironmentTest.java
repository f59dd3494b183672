package dev.quarry.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ObservedEnvironmentTest {

    private final ObservedEnvironment environment = new ObservedEnvironment(Map.of("REGION", "eu", "HOME", "/root"));

    @Test
    void notesEachVariableLookedUpWithItsValueOrThatItWasNotSet() {
        assertThat(environment.get("REGION")).isEqualTo("eu");
        assertThat(environment.getOrDefault("MISSING", "x")).isEqualTo("x");
        assertThat(environment.containsKey("HOME")).isTrue();

        Map<String, String> expected = new HashMap<>();
        expected.put("REGION", "eu");
        expected.put("MISSING", null);
        expected.put("HOME", "/root");
        assertThat(environment.lookedUp()).contains(expected);
    }

    @Test
    void lookingAtEveryVariableIsNotedToo() {
        environment.get("REGION");
        assertThat(environment.size()).isEqualTo(2);

        assertThat(environment.lookedUp()).isEmpty();
    }
}
