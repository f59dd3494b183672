package dev.sfcrimestats.socrata;

/**
 * A query the fake rejects with 400 and Socrata's error JSON: SoQL it cannot parse or does not support
 * ({@code query.compiler.malformed}), an unknown column ({@code query.soql.no-such-column}) or a literal that does
 * not fit its column ({@code query.soql.type-mismatch}).
 */
final class SoqlException extends RuntimeException {

    static final String MALFORMED = "query.compiler.malformed";
    static final String NO_SUCH_COLUMN = "query.soql.no-such-column";
    static final String TYPE_MISMATCH = "query.soql.type-mismatch";

    private final String code;

    SoqlException(String code, String message) {
        super(message);
        this.code = code;
    }

    static SoqlException malformed(String message) {
        return new SoqlException(MALFORMED, message);
    }

    /** Fails unless the schema has the field. */
    static void requireColumn(Schema schema, String field) {
        if (!schema.has(field)) {
            throw new SoqlException(NO_SUCH_COLUMN, "No such column: " + field);
        }
    }

    /** Socrata's error code, e.g. {@code query.compiler.malformed}. */
    String code() {
        return code;
    }
}
