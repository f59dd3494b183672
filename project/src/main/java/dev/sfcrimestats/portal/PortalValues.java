package dev.sfcrimestats.portal;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sfcrimestats.parquet.BadValueException;

/**
 * Turns one cell of a portal export into the text the JSON API gives for the field, by the field's type. An empty
 * cell is a null field: the API leaves those out, so the result is {@code null}.
 */
final class PortalValues {

    private static final String NUMBER = "[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?";
    private static final Pattern PLAIN_NUMBER = Pattern.compile(NUMBER);
    private static final Pattern GROUPED_NUMBER = Pattern.compile("[-+]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    /** The portal's form: {@code 2018/12/01 12:25:00 AM}; a date alone for date-only columns. */
    private static final Pattern PORTAL_TIMESTAMP = Pattern.compile(
            "(\\d{4})/(\\d{1,2})/(\\d{1,2})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: ?([AaPp][Mm]))?)?");
    /** The API's own form, in case a file was converted already. */
    private static final Pattern ISO_TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?)?");
    private static final DateTimeFormatter API_TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    /** 2019-era exports: {@code (lat, lon)}. */
    private static final Pattern LAT_LON = Pattern.compile("\\(\\s*(" + NUMBER + ")\\s*,\\s*(" + NUMBER + ")\\s*\\)");
    /** Newer exports: WKT, {@code POINT (lon lat)}. */
    private static final Pattern WKT_POINT = Pattern.compile(
            "POINT\\s*\\(\\s*(" + NUMBER + ")\\s+(" + NUMBER + ")\\s*\\)", Pattern.CASE_INSENSITIVE);

    private PortalValues() {
    }

    /**
     * The API's text for a cell.
     *
     * @param column the column's header as written in the file, for the message
     * @return the value, or {@code null} for an empty cell
     * @throws BadValueException when the cell is not a value of the type
     */
    static String convert(FieldType type, String column, String cell) throws BadValueException {
        if (cell.isEmpty()) {
            return null;
        }
        // Text is passed on untouched (spaces included); the other types are read leniently around the value.
        String value = type == FieldType.TEXT ? cell : cell.strip();
        if (value.isEmpty()) {
            return null;
        }
        return switch (type) {
            case TEXT -> value;
            case CALENDAR_DATE -> timestamp(column, value);
            case NUMBER -> number(column, value);
            case CHECKBOX -> checkbox(column, value);
            case POINT -> point(column, value);
        };
    }

    private static String timestamp(String column, String value) throws BadValueException {
        // The shape of the value says which form it is in, so date-only and date-time columns need no list.
        Matcher portal = PORTAL_TIMESTAMP.matcher(value);
        Matcher iso = ISO_TIMESTAMP.matcher(value);
        Matcher match = portal.matches() ? portal : iso.matches() ? iso : null;
        if (match != null) {
            try {
                return toLocal(match, match == portal).format(API_TIMESTAMP);
            } catch (DateTimeException | NumberFormatException outOfRange) {
                // e.g. 2018/02/30 or 13:00 PM: the shape is right but it is no time; reported as below
            }
        }
        throw bad(column, value, "is not a timestamp (expected yyyy/MM/dd hh:mm:ss AM|PM, yyyy/MM/dd or"
                + " yyyy-MM-ddTHH:mm:ss.SSS)");
    }

    private static LocalDateTime toLocal(Matcher match, boolean portal) {
        int hour = match.group(4) == null ? 0 : Integer.parseInt(match.group(4));
        String halfDay = portal ? match.group(7) : null;
        if (halfDay != null) {
            // 12-hour clock: 12:25 AM is 00:25 and 12:25 PM is 12:25; 0 or 13 cannot go with AM/PM.
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("hour " + hour + " with " + halfDay);
            }
            hour = hour % 12 + (halfDay.equalsIgnoreCase("PM") ? 12 : 0);
        }
        int millis = !portal && match.group(7) != null
                ? Integer.parseInt((match.group(7) + "00").substring(0, 3)) : 0;
        return LocalDateTime.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                Integer.parseInt(match.group(3)), hour, optional(match.group(5)), optional(match.group(6)),
                millis * 1_000_000);
    }

    private static int optional(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static String number(String column, String value) throws BadValueException {
        if (PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        // Some exports format numbers for reading, 1,234; the API never does.
        if (GROUPED_NUMBER.matcher(value).matches()) {
            return value.replace(",", "");
        }
        throw bad(column, value, "is not a number");
    }

    private static String checkbox(String column, String value) throws BadValueException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> "true";
            case "false", "no", "n", "0" -> "false";
            default -> throw bad(column, value, "is not a checkbox value (expected true/false, yes/no, y/n or 1/0)");
        };
    }

    private static String point(String column, String value) throws BadValueException {
        Matcher latLon = LAT_LON.matcher(value);
        Matcher wkt = WKT_POINT.matcher(value);
        String latitude;
        String longitude;
        if (latLon.matches()) {
            latitude = latLon.group(1);
            longitude = latLon.group(2);
        } else if (wkt.matches()) {
            longitude = wkt.group(1);
            latitude = wkt.group(2);
        } else {
            latitude = null;
            longitude = null;
        }
        // Out-of-range coordinates mostly mean the two were swapped: better to stop than to land a wrong place.
        if (latitude == null || Math.abs(Double.parseDouble(latitude)) > 90
                || Math.abs(Double.parseDouble(longitude)) > 180) {
            throw bad(column, value, "is not a point (expected (latitude, longitude) or POINT (longitude latitude),"
                    + " latitude within 90 and longitude within 180 degrees)");
        }
        // The WKT the API's CSV gives; the numbers keep their text so no digit is lost or added.
        return "POINT (" + longitude + " " + latitude + ")";
    }

    private static BadValueException bad(String column, String value, String problem) {
        return new BadValueException("column " + column + ": \"" + value + "\" " + problem);
    }
}
