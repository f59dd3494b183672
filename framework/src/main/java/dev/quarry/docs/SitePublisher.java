package dev.quarry.docs;

import java.nio.file.Path;
import java.util.Map;

/**
 * Copies a written site to where people read it ({@code quarry pipeline --publish DEST}), replacing what an earlier
 * publish left there. Quarry publishes to a folder itself; plugins add other destinations by URI scheme (the SF
 * project's {@code gs://}), listed in {@code META-INF/services/dev.quarry.docs.SitePublisher} with a public
 * no-argument constructor.
 */
public interface SitePublisher {

    /** The scheme of the destinations it publishes to: {@code gs} for {@code gs://bucket/prefix}. */
    String scheme();

    /**
     * Publishes every file under {@code siteDir} to {@code destination}, and removes what an earlier publish left
     * there that the site no longer has.
     *
     * @param environment the process's environment (credentials settings, emulator addresses)
     * @throws SitePublishException when it cannot: the message is shown to the user as it is
     */
    PublishedSite publish(Path siteDir, String destination, Map<String, String> environment)
            throws SitePublishException;
}
