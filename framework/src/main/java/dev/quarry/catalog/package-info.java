/**
 * The warehouse catalog: what each built relation looks like in the engine (table or view, its columns in order
 * with the engine's types). {@link dev.quarry.catalog.CatalogReader} asks an engine session to describe the relation
 * of every model, seed and source of a compiled project; the result, a {@link dev.quarry.catalog.Catalog}, is written
 * as {@code target/catalog.json} by {@code artifacts.CatalogWriter} and read by the docs site. Needs an engine
 * session, so it sits below {@code adapter} and {@code compile}; writes nothing itself.
 */
package dev.quarry.catalog;
