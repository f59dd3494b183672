package dev.quarry.project;

import dev.quarry.error.SourceLocation;

/**
 * A named piece of documentation from a Markdown file under the model paths, pulled into descriptions with
 * {@code doc('name')}. Written as {@code <#-- docs name -->} ... {@code <#-- enddocs -->}.
 */
public record DocBlock(String name, String text, SourceLocation location) {
}
