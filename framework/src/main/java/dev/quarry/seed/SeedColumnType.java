package dev.quarry.seed;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seed column's type: a {@link SeedType}, with a precision and scale for decimals.
 *
 * @param precision digits in all (1 to 38), for {@link SeedType#DECIMAL}; 0 otherwise
 * @param scale digits after the point (0 to precision), for {@link SeedType#DECIMAL}; 0 otherwise
 */
public record SeedColumnType(SeedType type, int precision, int scale) {

    public static final SeedColumnType BIGINT = new SeedColumnType(SeedType.BIGINT, 0, 0);
    public static final SeedColumnType DOUBLE = new SeedColumnType(SeedType.DOUBLE, 0, 0);
    public static final SeedColumnType BOOLEAN = new SeedColumnType(SeedType.BOOLEAN, 0, 0);
    public static final SeedColumnType DATE = new SeedColumnType(SeedType.DATE, 0, 0);
    public static final SeedColumnType TIMESTAMP = new SeedColumnType(SeedType.TIMESTAMP, 0, 0);
    public static final SeedColumnType VARCHAR = new SeedColumnType(SeedType.VARCHAR, 0, 0);

    /** What a bare {@code decimal} or {@code numeric} means: DuckDB's default, written out so H2 agrees. */
    public static final SeedColumnType DEFAULT_DECIMAL = new SeedColumnType(SeedType.DECIMAL, 18, 3);

    /** The names {@code column_types} accepts, for hints. */
    public static final String ACCEPTED = "bigint (or integer, int), double (or float, real), decimal(p,s) "
            + "(or numeric(p,s)), boolean, date, timestamp, varchar (or text, string)";

    private static final Pattern DECIMAL =
            Pattern.compile("(?:decimal|numeric)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
    private static final Pattern VARCHAR_WITH_LENGTH =
            Pattern.compile("(?:varchar|character varying)\\s*\\(\\s*\\d+\\s*\\)");

    public SeedColumnType {
        if (type == SeedType.DECIMAL ? precision < 1 || precision > 38 || scale < 0 || scale > precision
                : precision != 0 || scale != 0) {
            throw new IllegalArgumentException("no such type: " + type + "(" + precision + "," + scale + ")");
        }
    }

    /**
     * The type a {@code column_types} entry names, or empty when seeds cannot load it. Case and spacing do not
     * matter; a length on {@code varchar(n)} is accepted and dropped.
     */
    public static Optional<SeedColumnType> parse(String sqlType) {
        String name = sqlType.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        SeedColumnType simple = switch (name) {
            case "bigint", "integer", "int", "int64", "int8", "int4", "smallint" -> BIGINT;
            case "double", "double precision", "float", "float8", "float64", "real" -> DOUBLE;
            case "boolean", "bool" -> BOOLEAN;
            case "date" -> DATE;
            case "timestamp", "datetime", "timestamp without time zone" -> TIMESTAMP;
            case "varchar", "text", "string", "character varying" -> VARCHAR;
            default -> null;
        };
        if (simple != null) {
            return Optional.of(simple);
        }
        if (VARCHAR_WITH_LENGTH.matcher(name).matches()) {
            return Optional.of(VARCHAR);
        }
        Matcher decimal = DECIMAL.matcher(name);
        if (!decimal.matches()) {
            return Optional.empty();
        }
        if (decimal.group(1) == null) {
            return Optional.of(DEFAULT_DECIMAL);
        }
        int precision = digits(decimal.group(1));
        int scale = decimal.group(2) == null ? 0 : digits(decimal.group(2));
        if (precision < 1 || precision > 38 || scale > precision) {
            return Optional.empty();
        }
        return Optional.of(new SeedColumnType(SeedType.DECIMAL, precision, scale));
    }

    /** A precision or scale as written; anything over two digits is too large anyway. */
    private static int digits(String written) {
        return written.length() > 2 ? 99 : Integer.parseInt(written);
    }

    /** The SQL type for an engine ({@code duckdb}, {@code h2}, {@code bigquery}). */
    public String sqlType(String engine) {
        return type.sqlType(engine, precision, scale);
    }

    /** The name messages use: {@code bigint}, {@code decimal(10,2)}. */
    @Override
    public String toString() {
        return type.sqlType("duckdb", precision, scale);
    }
}
