package dev.quarry.docs;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link SitePublisher}s: a folder (built in) and those on the classpath, by the destination's scheme. */
public final class SitePublishers {

    private final Map<String, SitePublisher> byScheme;

    private SitePublishers(Map<String, SitePublisher> byScheme) {
        this.byScheme = byScheme;
    }

    /** The folder publisher and every {@link SitePublisher} the class loader finds (first found per scheme). */
    public static SitePublishers onClasspath() {
        Map<String, SitePublisher> byScheme = new TreeMap<>();
        ServiceLoader.load(SitePublisher.class).forEach(publisher -> byScheme.putIfAbsent(publisher.scheme(),
                publisher));
        byScheme.putIfAbsent(FolderPublisher.SCHEME, new FolderPublisher());
        return new SitePublishers(byScheme);
    }

    /**
     * The publisher of a destination: {@code scheme://...} by its scheme, anything else a folder.
     *
     * @throws SitePublishException when no publisher takes the scheme
     */
    public SitePublisher forDestination(String destination) throws SitePublishException {
        int colon = destination.indexOf("://");
        String scheme = colon > 0 ? destination.substring(0, colon) : FolderPublisher.SCHEME;
        SitePublisher publisher = byScheme.get(scheme);
        if (publisher == null) {
            throw new SitePublishException("no plugin on the classpath publishes to " + scheme + "://; known: "
                    + String.join(", ", byScheme.keySet().stream().map(known -> known + "://").toList())
                    + " or a folder");
        }
        return publisher;
    }
}
