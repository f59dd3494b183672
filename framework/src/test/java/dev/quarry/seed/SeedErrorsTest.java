package dev.quarry.seed;

import static dev.quarry.seed.SeedFiles.messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;

/** The exact text of every error a seed file or its config can have, each at {@code file:ROW:COL}. */
class SeedErrorsTest {

    @TempDir
    Path project;

    private SeedFiles files;

    @BeforeEach
    void setUp() {
        files = new SeedFiles(project);
    }

    private static SeedOptions types(String... columnAndType) {
        Map<String, SeedColumnType> types = new LinkedHashMap<>();
        for (int at = 0; at < columnAndType.length; at += 2) {
            types.put(columnAndType[at], SeedColumnType.parse(columnAndType[at + 1]).orElseThrow());
        }
        return new SeedOptions(',', false, types, null);
    }

    @Test
    void aRowWithTooFewOrTooManyValues() {
        SeedScan scan = files.write("ragged", """
                id,name,amount,day
                1,x,2
                2,y,3,2024-01-01,extra
                3,z,4,2024-01-02
                """).scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/ragged.csv:2:4: row has 3 values, the header has 4",
                "seeds/ragged.csv:3:5: row has 5 values, the header has 4");
    }

    @Test
    void aRowWithOneValue() {
        SeedScan scan = files.write("ragged", "id,name\n1\n").scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/ragged.csv:2:2: row has 1 value, the header has 2");
    }

    @Test
    void valuesThatDoNotFitTheirDeclaredType() {
        SeedScan scan = files.write("orders", """
                id,amount,price,paid,day,at
                1,abc,12.345,yes,2024-02-30,2024-01-01 25:00:00
                2,99999999999999999999,123456789,true,2024-02-29,2024-01-01 10:00:00
                """, types("amount", "bigint", "price", "decimal(10,2)", "paid", "boolean", "day", "date",
                "at", "timestamp", "id", "double")).scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/orders.csv:2:2: 'abc' is not a bigint (column 'amount', set by column_types)",
                "seeds/orders.csv:2:3: '12.345' is not a decimal(10,2) (column 'price', set by column_types)",
                "seeds/orders.csv:2:4: 'yes' is not a boolean (column 'paid', set by column_types)",
                "seeds/orders.csv:2:5: '2024-02-30' is not a date (column 'day', set by column_types)",
                "seeds/orders.csv:2:6: '2024-01-01 25:00:00' is not a timestamp (column 'at', set by column_types)",
                "seeds/orders.csv:3:2: '99999999999999999999' is not a bigint (column 'amount', set by column_types)",
                "seeds/orders.csv:3:3: '123456789' is not a decimal(10,2) (column 'price', set by column_types)");
        assertThat(scan.diagnostics()).extracting(Diagnostic::hint).containsExactly(
                "write whole numbers such as 42 or -7, at most 19 digits",
                "decimal(10,2) holds numbers with at most 8 digits before the point and 2 after it",
                "write true or false",
                "write dates as yyyy-MM-dd, such as 2024-02-29",
                "write timestamps as yyyy-MM-dd HH:mm:ss, such as 2024-02-29 13:45:00 (a T instead of the space "
                        + "and a fraction of a second are fine)",
                "write whole numbers such as 42 or -7, at most 19 digits",
                "decimal(10,2) holds numbers with at most 8 digits before the point and 2 after it");
    }

    @Test
    void aDoubleColumnTakesNoText() {
        SeedScan scan = files.write("ratios", "ratio\n0.5\nhalf\n", types("ratio", "real")).scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/ratios.csv:3:1: 'half' is not a double (column 'ratio', set by column_types)");
        assertThat(scan.diagnostics().get(0).hint()).isEqualTo("write numbers such as 12.5, -3 or 1e-3");
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        SeedScan scan = files.write("long", "n\n" + "x".repeat(100) + "\n", types("n", "bigint")).scan();

        assertThat(messages(scan.diagnostics())).containsExactly("seeds/long.csv:2:1: '" + "x".repeat(37)
                + "...' is not a bigint (column 'n', set by column_types)");
    }

    @Test
    void duplicateAndMissingColumnNames() {
        SeedScan scan = files.write("header", "id,name,,ID,name\n1,2,3,4,5\n").scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/header.csv:1:3: column 3 has no name in the header",
                "seeds/header.csv:1:4: duplicate column name 'ID' (also column 1, 'id')",
                "seeds/header.csv:1:5: duplicate column name 'name' (also column 2)");
        assertThat(scan.diagnostics()).extracting(Diagnostic::hint).containsExactly(
                "every column of a seed needs a name in the first row",
                "column names are compared ignoring case",
                null);
    }

    @Test
    void columnTypesNamingAColumnTheFileDoesNotHave() {
        SeedScan scan = files.write("orders", "id,amount\n1,2\n", types("amout", "bigint", "paid_at", "boolean"))
                .scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/orders.csv:1:1: column_types names column 'amout', which seeds/orders.csv does not have",
                "seeds/orders.csv:1:1: column_types names column 'paid_at', which seeds/orders.csv does not have");
        assertThat(scan.diagnostics()).extracting(Diagnostic::hint).containsExactly(
                "did you mean 'amount'?", "its columns are: id, amount");
    }

    @Test
    void configErrorsPointAtTheConfigWhenItsPlaceIsKnown() {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Object> config = Map.of("delimiter", ";;",
                "column_types", new LinkedHashMap<>(Map.of("id", "uuid")));

        SeedOptions.fromConfig(config, "seeds/orders.csv", new SourceLocation("seeds/schema.yml", 7, 5), problems);

        assertThat(messages(problems)).containsExactlyInAnyOrder(
                "seeds/schema.yml:7:5: delimiter must be one character, not ';;'",
                "seeds/schema.yml:7:5: column_types gives column 'id' the type 'uuid', which seeds cannot load");
        assertThat(problems).extracting(Diagnostic::hint).contains("use one of bigint (or integer, int), "
                + "double (or float, real), decimal(p,s) (or numeric(p,s)), boolean, date, timestamp, varchar "
                + "(or text, string)");
    }

    @Test
    void configErrorsPointAtTheFileOtherwise() {
        List<Diagnostic> problems = new ArrayList<>();

        SeedOptions options = SeedOptions.fromConfig(Map.of("delimiter", "\""), "seeds/orders.csv", null, problems);

        assertThat(messages(problems)).containsExactly(
                "seeds/orders.csv:1:1: delimiter cannot be a quote or a line break");
        assertThat(options.delimiter()).isEqualTo(',');
    }

    @Test
    void aFileThatIsNotUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,name\n1,Mission\n2,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // é in Latin-1
        bytes.writeBytes("cole\n3,x\n".getBytes(StandardCharsets.UTF_8));

        SeedScan scan = files.writeBytes("latin1", bytes.toByteArray(), SeedOptions.DEFAULTS).scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/latin1.csv:3:2: the file is not UTF-8: byte 0xE9 is not part of a UTF-8 character");
        assertThat(scan.diagnostics().get(0).hint()).isEqualTo(
                "save the file as UTF-8 (seeds are read as UTF-8 only)");
    }

    @Test
    void aNonUtf8ByteFarIntoTheFileAfterAQuotedLineBreak() {
        StringBuilder text = new StringBuilder("id,note,name\n");
        for (int row = 0; row < 20_000; row++) {
            text.append(row).append(",\"two\nlines\",x\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("20000,fine,caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3); // a two-byte sequence cut short
        bytes.writeBytes(",\n".getBytes(StandardCharsets.UTF_8));

        SeedScan scan = files.writeBytes("late", bytes.toByteArray(), SeedOptions.DEFAULTS).scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/late.csv:40002:3: the file is not UTF-8: byte 0xC3 is not part of a UTF-8 character");
    }

    @Test
    void aQuotedValueThatIsNeverClosed() {
        SeedScan scan = files.write("unclosed", "id,name,note\n1,x,y\n2,\"Mission\n3,z,w\n").scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/unclosed.csv:3:2: this quoted value is never closed: the file ends inside it");
        assertThat(scan.diagnostics().get(0).hint()).isEqualTo(
                "close it with a \"; a \" inside a quoted value is written twice (\"\")");
    }

    @Test
    void textAfterAClosingQuote() {
        SeedScan scan = files.write("stray", "id,name,note\n1,\"a\" ,y\n2,x,\"say \"hi\"\"\n").scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/stray.csv:3:3: text follows the closing quote of this value");
    }

    @Test
    void errorsBeforeAnUnreadablePartAreKept() {
        SeedScan scan = files.write("both", "id,name\n1\n2,\"x\"y\n", SeedOptions.DEFAULTS).scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/both.csv:2:2: row has 1 value, the header has 2",
                "seeds/both.csv:3:2: text follows the closing quote of this value");
    }

    @Test
    void anEmptyFile() {
        SeedScan scan = files.write("empty", "").scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/empty.csv:1:1: the file is empty: a seed needs a header row that names its columns");
    }

    @Test
    void rowNumbersAreLinesOfTheFileCountingBlankLinesAndLineBreaksInValues() {
        SeedScan scan = files.write("lines", "id,note\n\n1,\"a\nb\"\n\n\nx,y\n", types("id", "bigint")).scan();

        assertThat(messages(scan.diagnostics())).containsExactly(
                "seeds/lines.csv:7:1: 'x' is not a bigint (column 'id', set by column_types)");
    }

    @Test
    void atMostTwentyErrorsOfAFileAreShownThenTheRestAreCounted() {
        StringBuilder text = new StringBuilder("n\n");
        for (int row = 0; row < 35; row++) {
            text.append("x").append(row).append('\n');
        }

        SeedScan scan = files.write("many", text.toString(), types("n", "bigint")).scan();

        assertThat(scan.diagnostics()).hasSize(21);
        assertThat(messages(scan.diagnostics()).get(19)).isEqualTo(
                "seeds/many.csv:21:1: 'x19' is not a bigint (column 'n', set by column_types)");
        assertThat(messages(scan.diagnostics()).get(20)).isEqualTo(
                "seeds/many.csv:22:1: ... and 15 more errors in seeds/many.csv (only the first 20 are shown)");
    }

    @Test
    void aFileThatIsNotThere() {
        SeedScan scan = new SeedReader(project.resolve("seeds/gone.csv"), "seeds/gone.csv", SeedOptions.DEFAULTS)
                .scan();

        assertThat(messages(scan.diagnostics())).containsExactly("seeds/gone.csv: the file does not exist");
    }
}
