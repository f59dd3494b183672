package dev.quarry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

import dev.quarry.docs.SitePage;
import dev.quarry.docs.SitePageException;
import dev.quarry.docs.SitePageRequest;

/**
 * A site page for the tests, registered in the test classpath's {@code META-INF/services}: {@code index.txt} lists
 * each relation the exposure depends on with its row count, read from the warehouse. The exposure's
 * {@code meta.requires} names one more dependency it asks for by name.
 */
public final class RowCountPage implements SitePage {

    @Override
    public String type() {
        return "row_counts";
    }

    @Override
    public void write(SitePageRequest request) throws SitePageException {
        Map<String, Object> counts = new TreeMap<>();
        for (Map.Entry<String, String> relation : request.relations().entrySet()) {
            counts.put(relation.getKey(), request.warehouse().query("select count(*) from " + relation.getValue())
                    .rows().get(0).get(0));
        }
        if (request.meta().get("requires") instanceof String name) {
            counts.put(name, request.warehouse().query("select count(*) from " + request.relation(name))
                    .rows().get(0).get(0));
        }
        try {
            Files.writeString(request.dir().resolve("index.txt"), request.label() + " " + counts + "\n");
        } catch (IOException failure) {
            throw new SitePageException("cannot write: " + failure.getMessage(), failure);
        }
    }
}
