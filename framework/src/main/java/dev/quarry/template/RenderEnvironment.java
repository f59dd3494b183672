package dev.quarry.template;

import java.util.Map;

/**
 * The values that are the same for every template of one invocation.
 *
 * @param target         {@code target.name}, {@code target.type}, {@code target.schema}, ... for templates
 * @param runStartedAt   UTC, formatted {@code yyyy-MM-dd HH:mm:ss.SSS} so every engine can cast it
 * @param invocationId   a UUID naming this invocation
 */
public record RenderEnvironment(Map<String, Object> target, String runStartedAt, String invocationId) {

    public RenderEnvironment {
        target = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(target));
    }
}
