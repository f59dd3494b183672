package dev.sfcrimestats.portal;

import java.util.List;

/**
 * What an import did.
 *
 * @param rows           how many rows went to the sink
 * @param unknownColumns the file's headers, as written, that match no expected field: their values were not passed on
 *                       (worth reporting, as the dataset may have gained a column)
 */
public record PortalCsvResult(long rows, List<String> unknownColumns) {

    public PortalCsvResult {
        unknownColumns = List.copyOf(unknownColumns);
    }
}
