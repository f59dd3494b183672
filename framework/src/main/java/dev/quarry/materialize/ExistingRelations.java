package dev.quarry.materialize;

import java.util.Objects;
import java.util.Optional;

import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;

/**
 * What the warehouse holds before a model is built: its relation, and leftovers of an earlier interrupted build.
 *
 * @param target    the model's relation, or empty when it does not exist yet; its columns are known (and needed)
 *                  only for an incremental model's table
 * @param temporary the type of a leftover {@code <identifier>__quarry_tmp}, or empty
 * @param backup    the type of a leftover {@code <identifier>__quarry_backup}, or empty
 */
public record ExistingRelations(Optional<RelationInfo> target, Optional<RelationType> temporary,
        Optional<RelationType> backup) {

    public ExistingRelations {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(temporary, "temporary");
        Objects.requireNonNull(backup, "backup");
    }

    /** Nothing exists: the model is built for the first time. */
    public static ExistingRelations none() {
        return new ExistingRelations(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The model's relation exists, and no leftovers do. */
    public static ExistingRelations of(RelationInfo target) {
        return new ExistingRelations(Optional.of(target), Optional.empty(), Optional.empty());
    }

    boolean targetIs(RelationType type) {
        return target.map(info -> info.type() == type).orElse(false);
    }
}
