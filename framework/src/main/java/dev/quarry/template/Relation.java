package dev.quarry.template;

/**
 * A table or view in the warehouse, as a template prints it.
 *
 * @param database may be null
 * @param rendered the quoted text for the target engine, e.g. {@code "main"."stg_x"}
 */
public record Relation(String database, String schema, String identifier, String rendered) {

    @Override
    public String toString() {
        return rendered;
    }
}
