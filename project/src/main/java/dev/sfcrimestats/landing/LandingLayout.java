package dev.sfcrimestats.landing;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Where a table's files go in a landing zone:
 * <pre>
 * &lt;source&gt;/&lt;table&gt;/load_date=YYYY-MM-DD/part-&lt;batch&gt;-&lt;n&gt;.parquet   the rows
 * &lt;source&gt;/&lt;table&gt;/_batches/&lt;batch&gt;.json                          a finished batch's manifest
 * &lt;source&gt;/&lt;table&gt;/_state.json                                     the watermark and a run in progress
 * &lt;source&gt;/&lt;table&gt;_deleted/load_date=YYYY-MM-DD/part-&lt;batch&gt;-0.parquet  rows found gone
 * </pre>
 * The models read {@code <table>/**}{@code /*.parquet}; manifests and state are JSON, so no Parquet glob picks them up.
 */
public record LandingLayout(String source, String table) {

    /** The folder of the table's rows. */
    public String tableFolder() {
        return source + "/" + table + "/";
    }

    /** The folder of the table's tombstones. */
    public String deletedFolder() {
        return source + "/" + table + "_deleted/";
    }

    public String part(String batchId, LocalDate loadDate, int number) {
        return tableFolder() + "load_date=" + loadDate + "/" + partName(batchId, number);
    }

    public String tombstones(String batchId, LocalDate loadDate) {
        return deletedFolder() + "load_date=" + loadDate + "/" + partName(batchId, 0);
    }

    public String manifest(String batchId) {
        return manifestFolder() + batchId + ".json";
    }

    public String manifestFolder() {
        return tableFolder() + "_batches/";
    }

    public String state() {
        return tableFolder() + "_state.json";
    }

    /** Whether a path is a part file of the batch. */
    public static boolean isPartOf(String path, String batchId) {
        return path.substring(path.lastIndexOf('/') + 1).startsWith("part-" + batchId + "-");
    }

    /** The number of a part file ({@code part-<batch>-00007.parquet} is 7). */
    public static int partNumber(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1, name.indexOf('.')));
    }

    private static String partName(String batchId, int number) {
        return String.format(Locale.ROOT, "part-%s-%05d.parquet", batchId, number);
    }
}
