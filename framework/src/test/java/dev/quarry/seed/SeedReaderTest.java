package dev.quarry.seed;

import static dev.quarry.seed.SeedFiles.columns;
import static dev.quarry.seed.SeedFiles.messages;
import static dev.quarry.seed.SeedFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.error.SourceLocation;

/** Reading seed files: type inference, column_types, conversion, and the CSV forms a seed may take. */
class SeedReaderTest {

    @TempDir
    Path project;

    private SeedFiles files;

    @BeforeEach
    void setUp() {
        files = new SeedFiles(project);
    }

    @Test
    void infersEachTypeFromAllOfAColumnsValues() {
        SeedReader reader = files.write("typed", """
                id,amount,flag,day,at,name,nothing
                1,2.5,true,2024-02-29,2024-02-29 13:45:01,Mission,
                2,3,FALSE,2024-03-01,2024-03-01T08:00:00.25,Bayview,
                -3,1e-3,True,2024-03-02,2024-03-02 00:00:00.123456789,,
                """);

        SeedScan scan = reader.scan();

        assertThat(scan.diagnostics()).isEmpty();
        assertThat(columns(scan)).containsExactly("id bigint", "amount double", "flag boolean", "day date",
                "at timestamp", "name varchar", "nothing varchar");
        assertThat(scan.rowCount()).isEqualTo(3);
        assertThat(rows(reader, scan)).containsExactly(
                Arrays.asList(1L, 2.5, true, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 13, 45, 1),
                        "Mission", null),
                Arrays.asList(2L, 3.0, false, LocalDate.of(2024, 3, 1),
                        LocalDateTime.of(2024, 3, 1, 8, 0, 0, 250_000_000), "Bayview", null),
                Arrays.asList(-3L, 0.001, true, LocalDate.of(2024, 3, 2),
                        LocalDateTime.of(2024, 3, 2, 0, 0, 0, 123_456_789), null, null));
    }

    @Test
    void aColumnTakesTheNarrowestTypeThatFitsEveryValue() {
        SeedReader reader = files.write("mixed", """
                whole_and_decimal,date_and_timestamp,number_and_text,boolean_and_number,bad_date,big
                1,2024-01-01,1,true,2024-02-30,9223372036854775807
                1.5,2024-01-01 10:00:00,x,1,2024-01-01,9223372036854775808
                """);

        SeedScan scan = reader.scan();

        assertThat(columns(scan)).containsExactly("whole_and_decimal double", "date_and_timestamp timestamp",
                "number_and_text varchar", "boolean_and_number varchar", "bad_date varchar", "big double");
        assertThat(rows(reader, scan).get(0).subList(0, 2))
                .containsExactly(1.0, LocalDateTime.of(2024, 1, 1, 0, 0));
    }

    @Test
    void numbersWithLeadingZerosStayText() {
        SeedReader reader = files.write("codes", """
                zip,ratio,zero,negative_zero
                02134,0.5,0,-0
                94110,00.5,0,0
                """);

        SeedScan scan = reader.scan();

        assertThat(columns(scan)).containsExactly("zip varchar", "ratio varchar", "zero bigint",
                "negative_zero bigint");
        assertThat(rows(reader, scan).get(0)).containsExactly("02134", "0.5", 0L, 0L);
    }

    @Test
    void textThatOnlyLooksLikeATypeIsText() {
        SeedReader reader = files.write("lookalikes", """
                a,b,c,d,e,f,g
                yes,1.2.3,2024-1-1,2024-01-01 10:00,1e,NaN,2024-01-01 10:00:00+02:00
                """);

        assertThat(columns(reader.scan())).containsExactly("a varchar", "b varchar", "c varchar", "d varchar",
                "e varchar", "f varchar", "g varchar");
    }

    @Test
    void emptyValuesQuotedOrNotAreNull() {
        SeedReader reader = files.write("empties", """
                id,name
                1,""
                ,x
                """);

        SeedScan scan = reader.scan();

        assertThat(columns(scan)).containsExactly("id bigint", "name varchar");
        assertThat(rows(reader, scan)).containsExactly(Arrays.asList(1L, null), Arrays.asList(null, "x"));
    }

    @Test
    void columnTypesOverrideInference() {
        SeedOptions options = new SeedOptions(',', false, Map.of(
                "amount", SeedColumnType.parse("decimal(10,2)").orElseThrow(),
                "zip", SeedColumnType.parse("integer").orElseThrow(),
                "ID", SeedColumnType.parse("text").orElseThrow(),
                "ratio", SeedColumnType.parse("float").orElseThrow(),
                "day", SeedColumnType.parse("timestamp").orElseThrow()), null);
        SeedReader reader = files.write("typed", """
                id,amount,zip,ratio,day
                1,12.5,02134,7,2024-02-29
                2,-3,94110,0.25,2024-03-01 12:00:00
                """, options);

        SeedScan scan = reader.scan();

        assertThat(scan.diagnostics()).isEmpty();
        assertThat(columns(scan)).containsExactly("id varchar", "amount decimal(10,2)", "zip bigint",
                "ratio double", "day timestamp");
        assertThat(scan.columns()).extracting(SeedColumn::declared).containsOnly(true);
        assertThat(rows(reader, scan)).containsExactly(
                Arrays.asList("1", new BigDecimal("12.50"), 2134L, 7.0, LocalDateTime.of(2024, 2, 29, 0, 0)),
                Arrays.asList("2", new BigDecimal("-3.00"), 94110L, 0.25, LocalDateTime.of(2024, 3, 1, 12, 0)));
    }

    @Test
    void aDelimiterFromConfig() {
        SeedReader reader = files.write("semicolons", """
                id;name;amount
                1;Mission, north;2,5
                """, new SeedOptions(';', false, Map.of(), null));

        SeedScan scan = reader.scan();

        assertThat(columns(scan)).containsExactly("id bigint", "name varchar", "amount varchar");
        assertThat(rows(reader, scan)).containsExactly(List.of(1L, "Mission, north", "2,5"));
    }

    @Test
    void tabSeparatedValues() {
        SeedReader reader = files.write("tabs", "id\tname\n1\tMission District\n",
                new SeedOptions('\t', false, Map.of(), null));

        SeedScan scan = reader.scan();

        assertThat(rows(reader, scan)).containsExactly(List.of(1L, "Mission District"));
    }

    @Test
    void quotedValuesMayHoldDelimitersQuotesAndLineBreaks() {
        SeedReader reader = files.write("quoted", "id,\"the name\",note\n"
                + "1,\"Mission, north\",\"she said \"\"hi\"\"\"\n"
                + "2,\"two\nlines\",plain\n"
                + "3,x,\"y\"\n");

        SeedScan scan = reader.scan();

        assertThat(scan.diagnostics()).isEmpty();
        assertThat(columns(scan)).containsExactly("id bigint", "the name varchar", "note varchar");
        assertThat(rows(reader, scan)).containsExactly(List.of(1L, "Mission, north", "she said \"hi\""),
                List.of(2L, "two\nlines", "plain"), List.of(3L, "x", "y"));
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] text = "\uFEFFid,name\n1,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SeedReader reader = files.writeBytes("bom", text, SeedOptions.DEFAULTS);

        SeedScan scan = reader.scan();

        assertThat(columns(scan)).containsExactly("id bigint", "name varchar");
        assertThat(rows(reader, scan)).containsExactly(List.of(1L, "x"));
    }

    @Test
    void windowsLineEndingsAndBlankLinesAreFine() {
        SeedReader reader = files.write("windows", "id,name\r\n1,x\r\n\r\n2,y\r\n");

        SeedScan scan = reader.scan();

        assertThat(scan.rowCount()).isEqualTo(2);
        assertThat(rows(reader, scan)).containsExactly(List.of(1L, "x"), List.of(2L, "y"));
    }

    @Test
    void aHeaderWithoutRowsGivesVarcharColumnsAndNoRows() {
        SeedReader reader = files.write("header_only", "id,name\n");

        SeedScan scan = reader.scan();

        assertThat(scan.diagnostics()).isEmpty();
        assertThat(columns(scan)).containsExactly("id varchar", "name varchar");
        assertThat(scan.rowCount()).isZero();
        assertThat(rows(reader, scan)).isEmpty();
    }

    @Test
    void aHeaderWithoutRowsStillTakesColumnTypes() {
        SeedReader reader = files.write("header_only", "id,name",
                new SeedOptions(',', false, Map.of("id", SeedColumnType.BIGINT), null));

        assertThat(columns(reader.scan())).containsExactly("id bigint", "name varchar");
    }

    @Test
    void theRowsPassKeepsNoMoreThanTheRowItIsOn() {
        StringBuilder text = new StringBuilder("n,label\n");
        for (int n = 0; n < 5_000; n++) {
            text.append(n).append(",row ").append(n).append('\n');
        }
        SeedReader reader = files.write("many", text.toString());
        SeedScan scan = reader.scan();

        try (SeedRows values = reader.rows(scan.columns())) {
            Object[] first = values.next();
            Object[] second = values.next();
            assertThat(first).isNotSameAs(second);
            assertThat(first).containsExactly(0L, "row 0");
            long sum = 1;
            while (values.hasNext()) {
                sum += (Long) values.next()[0];
            }
            assertThat(values.taken()).isEqualTo(5_000);
            assertThat(sum).isEqualTo(4_999L * 5_000 / 2);
        }
    }

    @Test
    void errorsOnlyOfTheFileBeingReadPointAtIt() {
        SeedReader reader = files.write("fine", "a\n1\n",
                new SeedOptions(',', false, Map.of("b", SeedColumnType.BIGINT), new SourceLocation(
                        "seeds/properties.yml", 4, 9)));

        assertThat(messages(reader.scan().diagnostics())).containsExactly(
                "seeds/properties.yml:4:9: column_types names column 'b', which seeds/fine.csv does not have");
    }

    @Test
    void closingTheRowsEarlyStopsTheReadingThread() throws InterruptedException {
        StringBuilder text = new StringBuilder("n\n");
        for (int n = 0; n < 100_000; n++) {
            text.append(n).append('\n');
        }
        SeedReader reader = files.write("early", text.toString());
        SeedScan scan = reader.scan();

        try (SeedRows values = reader.rows(scan.columns())) {
            assertThat(values.next()).containsExactly(0L);
        }

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("quarry-seed seeds/early.csv");
    }

    @Test
    void aFileChangedAfterTheFirstPassFailsTheRows() {
        SeedReader reader = files.write("changing", "n,label\n1,a\n2,b\n");
        SeedScan scan = reader.scan();
        files.write("changing", "n,label\n1,a\nx,b\n");

        try (SeedRows values = reader.rows(scan.columns())) {
            assertThatThrownBy(() -> values.forEachRemaining(row -> { }))
                    .isInstanceOfSatisfying(SeedFileException.class, failure -> assertThat(
                            SeedFiles.messages(failure.diagnostics())).containsExactly("seeds/changing.csv:3:1: "
                                    + "the file changed while it was being loaded; run the seed again"));
        }
    }
}
