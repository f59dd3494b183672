package dev.quarry.template;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateScalarModel;

/** A {@link Relation} as templates see it: {@code ${this}} prints it, {@code ${this.schema}} reads a part. */
final class RelationModel implements TemplateScalarModel, TemplateHashModel {

    private final Relation relation;

    RelationModel(Relation relation) {
        this.relation = relation;
    }

    @Override
    public String getAsString() {
        return relation.rendered();
    }

    @Override
    public TemplateModel get(String key) {
        String value = switch (key) {
            case "database" -> relation.database();
            case "schema" -> relation.schema();
            case "identifier", "name" -> relation.identifier();
            default -> null;
        };
        return value == null ? null : new SimpleScalar(value);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }
}
