package dev.quarry.project;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;

/**
 * Reads doc blocks from Markdown files: {@code <#-- docs name -->} opens a block, {@code <#-- enddocs -->} closes it.
 * The marks are FreeMarker comments, so a block reads the same in a Markdown viewer and stays out of rendered SQL.
 */
final class DocBlockReader {

    private static final Pattern BLOCK = Pattern.compile(
            "<#--\\s*docs\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-->((?:(?!<#--\\s*docs\\s).)*?)<#--\\s*enddocs\\s*-->",
            Pattern.DOTALL);
    private static final Pattern OPENING = Pattern.compile("<#--\\s*docs\\s+([^\\s]+)\\s*-->");

    private DocBlockReader() {
    }

    static void read(String text, String file, Map<String, DocBlock> docs, Diagnostics diagnostics) {
        Matcher matcher = BLOCK.matcher(text);
        int closedUpTo = 0;
        while (matcher.find()) {
            reportUnclosed(text.substring(closedUpTo, matcher.start()), closedUpTo, text, file, diagnostics);
            String name = matcher.group(1);
            SourceLocation location = locate(text, matcher.start(), file);
            DocBlock previous = docs.putIfAbsent(name, new DocBlock(name, matcher.group(2).strip(), location));
            if (previous != null) {
                diagnostics.error(location, "doc block '" + name + "' is defined twice",
                        "the other one is at " + previous.location() + "; rename one of them");
            }
            closedUpTo = matcher.end();
        }
        reportUnclosed(text.substring(closedUpTo), closedUpTo, text, file, diagnostics);
    }

    private static void reportUnclosed(String gap, int offset, String text, String file, Diagnostics diagnostics) {
        Matcher opening = OPENING.matcher(gap);
        if (opening.find()) {
            diagnostics.error(locate(text, offset + opening.start(), file), "doc block '" + opening.group(1)
                    + "' is not closed (or its name is not a plain identifier)", "end it with <#-- enddocs -->");
        }
    }

    static SourceLocation locate(String text, int offset, String file) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(file, line, offset - lineStart + 1);
    }
}
