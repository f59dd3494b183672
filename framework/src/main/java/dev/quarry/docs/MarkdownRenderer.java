package dev.quarry.docs;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders descriptions from Markdown to HTML that is safe to insert in the site's pages: raw HTML in the Markdown is
 * escaped, not passed through, and link and image URLs with a dangerous scheme ({@code javascript:}, ...) are
 * dropped. Done here, at generate time, so the site needs no Markdown library and no sanitizer of its own.
 */
final class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** @return the HTML, or null for a null or blank description */
    String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        return renderer.render(parser.parse(markdown));
    }
}
