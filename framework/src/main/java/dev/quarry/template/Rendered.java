package dev.quarry.template;

/** A template's output and what it read while rendering. */
public record Rendered(String text, RenderTrace trace) {
}
