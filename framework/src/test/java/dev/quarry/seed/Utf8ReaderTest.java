package dev.quarry.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The strict UTF-8 reader with an ASCII fast path: the same text the JDK's decoder gives, and the same failures. */
class Utf8ReaderTest {

    private static String readAll(byte[] bytes, int chunk) throws IOException {
        try (Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes))) {
            StringWriter text = new StringWriter();
            char[] buffer = new char[chunk];
            for (int read = reader.read(buffer, 0, chunk); read >= 0; read = reader.read(buffer, 0, chunk)) {
                text.write(buffer, 0, read);
            }
            return text.toString();
        }
    }

    @Test
    void readsMixedTextAcrossBufferBoundariesInAnyChunkSize() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < 30_000; row++) {
            text.append(row).append(",café,Straße,東京,😀\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        for (int chunk : new int[] {1, 2, 3, 8192, 100_000}) {
            assertThat(readAll(bytes, chunk)).as("chunk %d", chunk).isEqualTo(text.toString());
        }
    }

    @Test
    void skipsAByteOrderMarkOnlyAtTheStart() throws IOException {
        assertThat(readAll("\uFEFFid\uFEFF".getBytes(StandardCharsets.UTF_8), 10)).isEqualTo("id\uFEFF");
        assertThat(readAll("\uFEFF".getBytes(StandardCharsets.UTF_8), 10)).isEmpty();
        assertThat(readAll(new byte[0], 10)).isEmpty();
    }

    @Test
    void failsOnAByteThatIsNotUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("abc".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes("cole".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> readAll(bytes.toByteArray(), 8192)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void failsOnACharacterCutOffByTheEndOfTheFile() {
        byte[] cut = {'a', (byte) 0xE6, (byte) 0x9D};

        assertThatThrownBy(() -> readAll(cut, 8192)).isInstanceOf(MalformedInputException.class);
    }
}
