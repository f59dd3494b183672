package dev.quarry.ingest;

/**
 * Loads one source table's data into its landing zone (for example DataSF's API into Parquet files). Implementations
 * are listed in {@code META-INF/services/dev.quarry.ingest.SourceLoader} and need a public no-argument constructor.
 */
public interface SourceLoader {

    /** The {@code type} a source's {@code loader:} names to use this loader. */
    String type();

    /**
     * Loads the table. Progress goes to the request's {@link IngestProgress}.
     *
     * @throws IngestException when the load fails: its message is shown to the user as it is
     */
    IngestResult load(IngestRequest request) throws IngestException;
}
