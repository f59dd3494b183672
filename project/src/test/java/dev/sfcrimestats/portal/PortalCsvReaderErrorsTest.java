package dev.sfcrimestats.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.sfcrimestats.parquet.BadValueException;

/** Every way a portal export can fail, each with its exact message: {@code <file>: line <n>: <problem>}. */
class PortalCsvReaderErrorsTest {

    private static final String TIMESTAMP_FORMS =
            " is not a timestamp (expected yyyy/MM/dd hh:mm:ss AM|PM, yyyy/MM/dd or yyyy-MM-ddTHH:mm:ss.SSS)";

    @TempDir
    Path dir;

    private Path file;

    /** A small field list, so that the messages listing missing columns stay short. */
    private final PortalCsvReader reader = new PortalCsvReader(
            List.of("row_id", "incident_id", "incident_datetime", ":@computed_region_jwn9_ihcz"));

    private final PortalCsvReader incidents = new PortalCsvReader(IncidentFields.ALL);

    @Test
    void aHeaderWithoutTheKeyIsNotAnExport() {
        assertThat(failure("Incident ID,Incident Datetime\n100001,2018/12/01\n")).hasMessage(file
                + ": line 1: this does not look like a DataSF portal export of the expected fields: missing columns"
                + " Row ID (found: Incident ID, Incident Datetime)");
    }

    @Test
    void aHeaderWithMostlyOtherColumnsIsNotAnExport() {
        assertThat(failure("Row ID,Name,Address,Phone\n1,a,b,c\n")).hasMessage(file
                + ": line 1: this does not look like a DataSF portal export of the expected fields: missing columns"
                + " Incident ID, Incident Datetime (found: Row ID, Name, Address, Phone)");
    }

    @Test
    void halfTheColumnsExpectedIsEnough() throws Exception {
        Path csv = write("Row ID,Incident ID,Name,Address\n1,2,a,b\n");

        assertThat(reader.read(csv, row -> { }).unknownColumns()).containsExactly("Name", "Address");
    }

    @Test
    void aHeaderWithNothingMissingButMostlyOtherColumnsSaysHowMany() {
        PortalCsvReader keyOnly = new PortalCsvReader(List.of("row_id"));

        assertThatThrownBy(() -> keyOnly.read(write("Row ID,a,b\n1,2,3\n"), row -> { })).hasMessage(file
                + ": line 1: this does not look like a DataSF portal export of the expected fields: only 1 of its 3"
                + " columns are expected fields (found: Row ID, a, b)");
    }

    @Test
    void namesMissingColumnsAsThePortalDoes() {
        assertThat(failure(incidents, "Incident Number,a,b,c,d\n1,2,3,4,5\n")).hasMessage(file + ": line 1: this does not look like a DataSF portal export of the expected fields:"
                        + " missing columns Row ID, Incident Datetime, Incident Date, Incident Time, Incident Year,"
                        + " Incident Day of Week, Report Datetime, Incident ID, CAD Number, Report Type Code,"
                        + " Report Type Description, Filed Online, Incident Code, Incident Category,"
                        + " Incident Subcategory, Incident Description, Resolution, Intersection, CNN,"
                        + " Police District, Analysis Neighborhood, Supervisor District, Supervisor District 2012,"
                        + " Latitude, Longitude, Point (found: Incident Number, a, b, c, d)");
    }

    @Test
    void twoColumnsForOneField() {
        assertThat(failure("Row ID,Incident ID,incident_id\n1,2,2\n")).hasMessage(file
                + ": line 1: the columns Incident ID and incident_id are both the field incident_id; keep one of them");
    }

    @Test
    void anEmptyFile() {
        assertThat(failure("")).hasMessage(file
                + ": line 1: the file is empty; a DataSF portal export starts with a header line"
                + " (Row ID, Incident Datetime, ...)");
    }

    @Test
    void aRowWithTooFewOrTooManyCells() {
        assertThat(failure("Row ID,Incident ID\n1,2\n3\n")).hasMessage(file
                + ": line 3: 1 cells where the header has 2 columns");
        assertThat(failure("Row ID,Incident ID\n1,2\n\n3,4,5\n")).hasMessage(file
                + ": line 4: 3 cells where the header has 2 columns");
    }

    @Test
    void aRecordIsNamedByTheLineItStartsOn() {
        PortalCsvException failure = failure("Row ID,Incident ID\n1,\"two\nlines\"\n2,\"three\nmore\nlines\",x\n");

        assertThat(failure).hasMessage(file + ": line 4: 3 cells where the header has 2 columns");
        assertThat(failure.file()).isEqualTo(file);
        assertThat(failure.line()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018/13/01 12:25:00 AM", "2018/02/30", "2018/12/01 13:25:00 PM", "2018/12/01 00:25:00 AM",
            "2018/12/01 24:00:00", "12/01/2018", "2018-12-01T00:25:00Z", "yesterday"})
    void aTimestampThatIsNone(String cell) {
        assertThat(failure("Row ID,Incident Datetime\n1,2018/12/01\n2," + cell + "\n")).hasMessage(file
                + ": line 3: column Incident Datetime: \"" + cell + "\"" + TIMESTAMP_FORMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(37.7)", "(37.7 -122.4)", "POINT (-122.4, 37.7)", "(-122.4, 37.7)", "POINT (37.7 -122.4)",
            "(north, west)"})
    void aPointThatIsNone(String cell) {
        assertThat(failure(incidents, "Row ID,point\n1,\"" + cell + "\"\n")).hasMessage(file + ": line 2: column point: \""
                + cell + "\" is not a point (expected (latitude, longitude) or POINT (longitude latitude), latitude"
                + " within 90 and longitude within 180 degrees)");
    }

    @Test
    void aCheckboxThatIsNone() {
        assertThat(failure(incidents, "Row ID,Filed Online\n1,maybe\n")).hasMessage(file + ": line 2: column Filed Online:"
                + " \"maybe\" is not a checkbox value (expected true/false, yes/no, y/n or 1/0)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eight", "1,23", "1.234,5", "12a"})
    void aNumberThatIsNone(String cell) {
        assertThat(failure(incidents, "Row ID,Latitude\n1,\"" + cell + "\"\n")).hasMessage(file + ": line 2: column Latitude: \"" + cell + "\" is not a number");
    }

    @Test
    void aRowWithoutItsKey() {
        assertThat(failure("Row ID,Incident ID\n1,2\n,3\n")).hasMessage(file
                + ": line 3: the Row ID is empty; every row needs its key");
    }

    @Test
    void aRowTheSinkRejectsKeepsTheSinksReason() throws Exception {
        Path csv = write("Row ID,Incident ID\n1,2\n3,4\n");
        BadValueException rejection = new BadValueException("incident_id: 4 is not wanted");
        List<String> taken = new ArrayList<>();

        PortalCsvException failure = catchThrowableOfType(PortalCsvException.class, () -> reader.read(csv, row -> {
            if (row.get("incident_id").equals("4")) {
                throw rejection;
            }
            taken.add(row.get("row_id"));
        }));

        assertThat(failure).hasMessage(csv + ": line 3: incident_id: 4 is not wanted").hasCause(rejection);
        assertThat(taken).containsExactly("1");
    }

    @Test
    void aValueErrorKeepsItsBadValueExceptionAsTheCause() {
        assertThat(failure("Row ID,Incident Datetime\n1,soon\n").getCause()).isInstanceOf(BadValueException.class)
                .hasMessage("column Incident Datetime: \"soon\"" + TIMESTAMP_FORMS);
    }

    @Test
    void aQuoteThatIsNeverClosed() {
        assertThat(failure("Row ID,Incident ID\n1,2\n3,\"4\n5,6\n")).hasMessage(file
                + ": line 3: malformed CSV: (startline 3) EOF reached before encapsulated token finished");
    }

    @Test
    void aFileThatIsNotUtf8() throws Exception {
        file = dir.resolve("latin1.csv");
        Files.write(file, "Row ID,Incident ID\n1,2\n3,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> reader.read(file, row -> { })).isInstanceOf(PortalCsvException.class).hasMessage(
                file + ": line 3: the file is not UTF-8 text: byte 0xE9 is not part of a UTF-8 character;"
                        + " export it again or save it as UTF-8");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nowhere.csv"), row -> { }))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void theExpectedFieldsMustIncludeTheKey() {
        assertThatThrownBy(() -> new PortalCsvReader(List.of("incident_id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the expected fields must include the key row_id: [incident_id]");
    }

    private PortalCsvException failure(String csv) {
        return failure(reader, csv);
    }

    private PortalCsvException failure(PortalCsvReader portalReader, String csv) {
        return catchThrowableOfType(PortalCsvException.class, () -> portalReader.read(write(csv), row -> { }));
    }

    private Path write(String csv) throws IOException {
        file = Files.writeString(dir.resolve("export.csv"), csv);
        return file;
    }
}
