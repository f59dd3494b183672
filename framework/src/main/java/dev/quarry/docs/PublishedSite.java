package dev.quarry.docs;

/**
 * What a {@link SitePublisher} did.
 *
 * @param destination where the site now is
 * @param files       files written
 * @param bytes       their size
 * @param removed     files of an earlier publish removed
 */
public record PublishedSite(String destination, int files, long bytes, int removed) {
}
