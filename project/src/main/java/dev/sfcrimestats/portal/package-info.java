/**
 * The import of CSV files exported with the DataSF portal's "Export" button, for loading a file instead of calling
 * the Socrata API ({@code --from-file}).
 *
 * <p>{@link dev.sfcrimestats.portal.PortalCsvReader} streams such a file with commons-csv and hands each row to a
 * {@link dev.sfcrimestats.parquet.RowSink} exactly as the Socrata JSON API would have given it: display-name headers
 * ({@code Incident Datetime}) become API field names ({@code incident_datetime}), {@code 2018/12/01 12:25:00 AM}
 * becomes {@code 2018-12-01T00:25:00.000}, a {@code (lat, lon)} point becomes WKT with the longitude first, and
 * empty cells become absent fields. Which conversion a column gets follows the type the API gives its field
 * ({@link dev.sfcrimestats.portal.FieldType}). A file that cannot be imported fails with a
 * {@link dev.sfcrimestats.portal.PortalCsvException} naming the file and line.
 *
 * <p>The only package of this module that uses commons-csv.
 */
package dev.sfcrimestats.portal;
