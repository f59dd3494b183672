package dev.quarry.project;

/** A FreeMarker library under the macro paths; everything it defines is available to every template. */
public record MacroFile(String path, String text) {
}
