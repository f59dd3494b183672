package dev.quarry.template;

import java.util.Map;

import dev.quarry.error.SourceLocation;

/**
 * What the names of the template API resolve to in one rendering. The parse pass records dependencies and returns
 * placeholders; the compile pass returns real relations. Methods throw {@link TemplateCallException} with a message
 * (and hint) for the user; the template's file, line and column are added by the engine.
 */
public interface RenderContext {

    /** {@code ref('name')} or {@code ref('package', 'name')}; {@code packageName} is null in the first form. */
    Relation ref(String packageName, String name) throws TemplateCallException;

    /** {@code source('source', 'table')}. */
    Relation source(String sourceName, String tableName) throws TemplateCallException;

    /**
     * {@code source_has_files('source', 'table')}: whether the table's {@code external} location matches a file now
     * (true for a location on a remote store, which compile cannot look at, and for a table without one).
     */
    boolean sourceHasFiles(String sourceName, String tableName) throws TemplateCallException;

    /** {@code <@config key=value ... />}: the values as plain Java (String, Number, Boolean, List, Map). */
    void config(Map<String, Object> values, SourceLocation location) throws TemplateCallException;

    /** {@code this}: the relation being built. */
    Relation self();

    /** {@code is_incremental()}. */
    boolean isIncremental();

    /** {@code var('name')}: the value, or null when it has none. */
    Object var(String name);

    /** {@code env_var('NAME')}: the value, or null when it is not set. */
    String envVar(String name);

    /** {@code doc('name')}: the doc block's text, or null when there is none. */
    String doc(String name);

    /** Names {@code var} may suggest in a did-you-mean hint. */
    java.util.Set<String> varNames();

    /** Names {@code doc} may suggest in a did-you-mean hint. */
    java.util.Set<String> docNames();
}
