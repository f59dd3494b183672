package dev.quarry.docs;

import dev.quarry.adapter.QueryResult;

/** The target's warehouse as a {@link SitePage} sees it: queries, nothing else. */
@FunctionalInterface
public interface SiteWarehouse {

    /**
     * Runs a query and returns all its rows.
     *
     * @throws SitePageException when the engine refuses it (the message carries the engine's)
     */
    QueryResult query(String sql) throws SitePageException;
}
