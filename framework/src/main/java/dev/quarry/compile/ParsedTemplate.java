package dev.quarry.compile;

import java.util.List;
import java.util.Map;

import dev.quarry.project.ConfigValue;

/**
 * What the parse pass learnt from one template.
 *
 * @param checksum    SHA-256 of the template text
 * @param references  refs and sources in call order, without repeats
 * @param config      the in-file {@code <@config/>} values, with their location
 * @param envVarsRead environment variables read, with the values seen
 * @param sourceFilesSeen source tables {@code source_has_files} asked about, with the answers (keys as
 *                    {@code RenderTrace.sourceTableKey} makes them)
 * @param isVolatile  whether the output used per-invocation values
 */
public record ParsedTemplate(String checksum, List<Reference> references, Map<String, ConfigValue> config,
        Map<String, String> envVarsRead, Map<String, Boolean> sourceFilesSeen, boolean isVolatile) {

    public ParsedTemplate {
        references = List.copyOf(references);
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        envVarsRead = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(envVarsRead));
        sourceFilesSeen = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sourceFilesSeen));
    }
}
