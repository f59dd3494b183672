package dev.sfcrimestats.socrata;

import java.util.List;

/**
 * Socrata's system fields, hidden unless selected by name or with {@code :*}, and the fake's row identifiers.
 */
public final class SystemFields {

    /** The row identifier, e.g. {@code row-00000002s}. */
    public static final String ID = ":id";
    /** When the row was first published (a fixed timestamp). */
    public static final String CREATED_AT = ":created_at";
    /** When the row last changed (a fixed timestamp); the watermark of incremental loads. */
    public static final String UPDATED_AT = ":updated_at";
    /** The system fields in the order Socrata writes them. */
    public static final List<String> ALL = List.of(ID, CREATED_AT, UPDATED_AT);

    // Nine base-36 digits cover 1e14 rows; fixed width makes string order equal numeric order, as keyset paging
    // on :id (a string comparison on the server) needs.
    private static final int DIGITS = 9;
    private static final String PREFIX = "row-";

    private SystemFields() {
    }

    /** Whether a field is a system field (computed regions such as {@code :@computed_region_x} are not). */
    public static boolean isSystem(String field) {
        return ALL.contains(field);
    }

    /** The {@code :id} of the row with this sequence number; string order equals sequence order. */
    public static String rowId(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("negative row sequence " + sequence);
        }
        String digits = Long.toString(sequence, 36);
        return PREFIX + "0".repeat(Math.max(0, DIGITS - digits.length())) + digits;
    }
}
