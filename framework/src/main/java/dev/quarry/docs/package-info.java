/**
 * The static documentation and lineage site ({@code target/site/}). {@link dev.quarry.docs.SiteDataWriter}
 * turns a compiled project, the warehouse catalog and the last run's results into JavaScript files under
 * {@code target/site/data/}, each a call of a global function ({@code window.quarrySite.index(...)},
 * {@code .nodes(...)}, {@code .graph(...)}) with one JSON argument, so that the site opens from {@code file://}
 * (where {@code fetch} of JSON is forbidden) and loads only what a page needs: the index with the search terms
 * first, then a node's shard and the graph shards of its neighbourhood on demand. Text is JSON-encoded and otherwise
 * stored verbatim; descriptions are also rendered from Markdown to HTML here, with raw HTML escaped and unsafe URLs
 * dropped, so the UI inserts no other HTML. {@link dev.quarry.docs.SiteAssets} copies the UI (this package's
 * {@code site/} resources: search, node pages, lineage graphs, the selector explorer) and the graph and
 * highlighting libraries from their WebJars; {@link dev.quarry.docs.SiteServer} serves the folder on the loopback
 * address. {@link dev.quarry.docs.SitePages} writes the pages that plugins ({@link dev.quarry.docs.SitePage}, found
 * with {@code ServiceLoader}) make from the warehouse for the exposures that ask for one, such as a project's
 * dashboard; {@link dev.quarry.docs.SitePublishers} copies a written site to a folder or, through plugins
 * ({@link dev.quarry.docs.SitePublisher}), elsewhere. Uses Jackson and commonmark-java.
 */
package dev.quarry.docs;
