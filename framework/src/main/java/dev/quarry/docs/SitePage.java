package dev.quarry.docs;

/**
 * A page of the docs site that a plugin writes from the warehouse, such as a project's dashboard. An exposure asks
 * for one with {@code meta: {site_page: <type>}}; the page is written under {@code target/site/<exposure name>/} at
 * {@code docs generate} time, from the relations the exposure depends on. Implementations are listed in
 * {@code META-INF/services/dev.quarry.docs.SitePage} and need a public no-argument constructor.
 */
public interface SitePage {

    /** What an exposure's {@code meta.site_page} names to use this page. */
    String type();

    /**
     * Writes the page's files into the request's folder (which exists and is empty).
     *
     * @throws SitePageException when the page cannot be written: its message is shown to the user as it is
     */
    void write(SitePageRequest request) throws SitePageException;
}
