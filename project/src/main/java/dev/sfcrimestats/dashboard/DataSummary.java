package dev.sfcrimestats.dashboard;

/**
 * What the numbers are and how fresh: the marts' {@code data_source} label, whether it is synthetic demo data, the
 * first and last incident dates, when the data last changed in the warehouse, and when the page was written.
 *
 * @param lastChangedAt ISO date-time, or null when unknown
 */
record DataSummary(String dataSource, boolean synthetic, String firstDate, String lastDate, String lastChangedAt,
        String generatedAt) {

    /** The label the marts carry for the synthetic demo data starts so (see {@code sfpd_data_label} in macros/). */
    static boolean isSynthetic(String dataSource) {
        return dataSource != null && dataSource.toLowerCase(java.util.Locale.ROOT).startsWith("synthetic");
    }
}
