package dev.quarry.compile;

import java.util.Map;
import java.util.Objects;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.template.RenderEnvironment;
import dev.quarry.template.RenderTrace;
import dev.quarry.template.Rendered;
import dev.quarry.template.TemplateEngine;
import dev.quarry.template.TemplateFailure;

/**
 * Renders a template once to learn its refs, sources and in-file config, or takes that from the cache when the file
 * and everything it could read are unchanged.
 */
final class ParsePass {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ParsePass.class);

    private final TemplateEngine engine;
    private final ProjectScope scope;
    private final RenderEnvironment environment;
    private final CompileCache cache;
    private final String sharedKey;
    private final Diagnostics diagnostics;

    /**
     * @param sharedKey a hash of what every template may read: macros, vars, the target
     */
    ParsePass(TemplateEngine engine, ProjectScope scope, RenderEnvironment environment, CompileCache cache,
            String sharedKey, Diagnostics diagnostics) {
        this.engine = engine;
        this.scope = scope;
        this.environment = environment;
        this.cache = cache;
        this.sharedKey = sharedKey;
        this.diagnostics = diagnostics;
    }

    /** The parse result, or null when the template failed (reported). */
    ParsedTemplate parse(String path, String name, String rawCode, boolean mustRenderSql) {
        // The key hashes the text itself; the checksum the manifest shows (another hash) only when the text changed.
        String key = Checksums.sha256(sharedKey, path, rawCode);
        CacheEntry cached = cache.get(path);
        if (cached != null && cached.parseKey().equals(key) && outsideReadsUnchanged(scope, cached.parsed())
                && !cached.parsed().isVolatile()) {
            return cached.parsed();
        }
        LOG.debug("parse pass renders {}: {}", path, cached == null ? "not cached" : "changed");
        ParsePassContext context = new ParsePassContext(scope, name);
        try {
            Rendered rendered = engine.render(path, rawCode, context, environment);
            if (mustRenderSql && rendered.text().isBlank()) {
                diagnostics.error(new SourceLocation(path, 1, 1), "the model renders to no SQL",
                        "check the <#if> branches: one of them must produce a SELECT");
                return null;
            }
            ParsedTemplate parsed = new ParsedTemplate(Checksums.sha256(rawCode), context.references(),
                    context.config(), rendered.trace().envVarsRead(), rendered.trace().sourceFilesSeen(),
                    rendered.trace().isVolatile());
            cache.put(path, new CacheEntry(key, parsed, null, null, null));
            return parsed;
        } catch (TemplateFailure failure) {
            diagnostics.add(failure.diagnostic());
            return null;
        }
    }

    /**
     * Whether what a template read from outside its inputs is as it was: every environment variable has the value it
     * had, and every source table {@code source_has_files} asked about still has (or still lacks) files.
     */
    static boolean outsideReadsUnchanged(ProjectScope scope, ParsedTemplate parsed) {
        for (Map.Entry<String, String> entry : parsed.envVarsRead().entrySet()) {
            if (!Objects.equals(scope.environment().get(entry.getKey()), entry.getValue())) {
                return false;
            }
        }
        for (Map.Entry<String, Boolean> entry : parsed.sourceFilesSeen().entrySet()) {
            boolean same = RenderTrace.sourceTable(entry.getKey())
                    .map(names -> scope.sourceHasFiles(names.get(0), names.get(1)) == entry.getValue())
                    .orElse(false);
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
