package dev.quarry.unittest;

/** CSV fixture text that cannot be read as rows; says on which line of the text (1-based) the problem is. */
public final class CsvFixtureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public CsvFixtureException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the CSV text the problem is on. */
    public int line() {
        return line;
    }

    @Override
    public String getMessage() {
        return "line " + line + ": " + super.getMessage();
    }
}
