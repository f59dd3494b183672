package dev.quarry.seed;

/**
 * The types a seed column can have: what inference picks and what {@code column_types} may name. Each has one Java
 * value class, the one {@link dev.quarry.adapter.EngineSession#appendRows} expects for it.
 */
public enum SeedType {
    /** Whole numbers, as {@link Long}; {@code column_types} names {@code bigint}, {@code integer}, {@code int}. */
    BIGINT,
    /** Floating point, as {@link Double}; {@code double}, {@code float}, {@code real}. */
    DOUBLE,
    /** Exact decimals with a precision and scale, as {@link java.math.BigDecimal}; {@code decimal}, {@code numeric}. */
    DECIMAL,
    /** {@code true} or {@code false} in any case, as {@link Boolean}. */
    BOOLEAN,
    /** {@code yyyy-MM-dd}, as {@link java.time.LocalDate}. */
    DATE,
    /** {@code yyyy-MM-dd HH:mm:ss[.f]} or with a {@code T}, as {@link java.time.LocalDateTime}. */
    TIMESTAMP,
    /** Anything, as {@link String}; {@code varchar}, {@code text}, {@code string}. */
    VARCHAR;

    /**
     * The SQL type an engine creates the column with.
     *
     * @param engine the engine's type as profiles write it: {@code duckdb}, {@code h2}, {@code bigquery}
     * @param precision digits in all, for {@link #DECIMAL} only
     * @param scale digits after the point, for {@link #DECIMAL} only
     */
    public String sqlType(String engine, int precision, int scale) {
        if (engine.equals("bigquery")) {
            return switch (this) {
                case BIGINT -> "int64";
                case DOUBLE -> "float64";
                case DECIMAL -> (precision - scale > 29 || scale > 9 ? "bignumeric(" : "numeric(") + precision + ", "
                        + scale + ")";
                case BOOLEAN -> "bool";
                case DATE -> "date";
                case TIMESTAMP -> "datetime";
                case VARCHAR -> "string";
            };
        }
        // DuckDB and H2 spell all of them the same way.
        return switch (this) {
            case BIGINT -> "bigint";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal(" + precision + "," + scale + ")";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case VARCHAR -> "varchar";
        };
    }
}
