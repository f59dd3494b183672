package dev.quarry.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quarry.error.SourceLocation;

/**
 * Finds where a template calls {@code ref('name')} (or {@code source(..., 'name')}), for errors found after rendering,
 * such as a cycle. Falls back to the start of the file when the call is not written literally.
 */
final class ReferenceLocator {

    private ReferenceLocator() {
    }

    static SourceLocation locate(ManifestNode node, String name) {
        String text = node.rawCode();
        if (text == null) {
            return new SourceLocation(node.path(), 1, 1);
        }
        Matcher matcher = Pattern.compile("(ref|source)\\s*\\([^)]*['\"]" + Pattern.quote(name) + "['\"]\\s*\\)")
                .matcher(text);
        if (!matcher.find()) {
            return new SourceLocation(node.path(), 1, 1);
        }
        int line = 1;
        int lineStart = 0;
        for (int index = 0; index < matcher.start(); index++) {
            if (text.charAt(index) == '\n') {
                line++;
                lineStart = index + 1;
            }
        }
        return new SourceLocation(node.path(), line, matcher.start() - lineStart + 1);
    }
}
