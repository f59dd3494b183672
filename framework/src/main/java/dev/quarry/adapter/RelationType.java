package dev.quarry.adapter;

/** What a relation in the warehouse is. */
public enum RelationType {
    TABLE,
    VIEW
}
