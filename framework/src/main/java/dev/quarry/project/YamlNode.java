package dev.quarry.project;

import dev.quarry.error.SourceLocation;

/** A YAML value with the place it was read from: a mapping, a sequence or a scalar. */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    SourceLocation location();

    /** A short description of the value's kind for error messages: "a mapping", "the number 5". */
    String describe();

    /** The value as plain Java: String, Long, Double, Boolean, null, List, or Map (in file order). */
    Object toPlain();
}
