package dev.quarry.docs;

import java.nio.file.Path;

/**
 * What {@link SiteDataWriter} wrote.
 *
 * @param dataDir     {@code target/site/data}
 * @param nodes       nodes in the index
 * @param nodeShards  files under {@code nodes/}
 * @param graphShards files under {@code graph/}
 * @param searchTerms distinct terms of the search index
 */
public record SiteData(Path dataDir, int nodes, int nodeShards, int graphShards, int searchTerms) {
}
