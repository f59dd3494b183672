package dev.quarry.compile;

import java.util.List;

import dev.quarry.error.Diagnostic;

/**
 * What the compile cache keeps for one template file.
 *
 * @param parseKey     hash of everything the parse pass read: the file, macros, vars, target
 * @param parsed       the parse pass's result
 * @param compileKey   hash of the parse key plus the resolved config and relations; null when never compiled
 * @param compiledSql  the compile pass's output, or null
 * @param warning      the SQL check's warning for that output, or null
 * @param outputColumns the columns the compiled SQL (with its inlined ephemeral models) returns, as
 *                      {@link OutputColumns} names them, or null when they cannot be named for sure
 */
record CacheEntry(String parseKey, ParsedTemplate parsed, String compileKey, String compiledSql, Diagnostic warning,
        List<String> outputColumns) {

    CacheEntry(String parseKey, ParsedTemplate parsed, String compileKey, String compiledSql, Diagnostic warning) {
        this(parseKey, parsed, compileKey, compiledSql, warning, null);
    }

    CacheEntry withCompiled(String key, String sql, Diagnostic sqlWarning, List<String> columns) {
        return new CacheEntry(parseKey, parsed, key, sql, sqlWarning, columns == null ? null : List.copyOf(columns));
    }
}
