package dev.sfcrimestats.portal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file as strict UTF-8 text: a byte that is not UTF-8 fails the read rather than become a replacement character,
 * and a byte-order mark at the start is skipped. The decoder fails a whole buffer ahead of the parser, so when it does,
 * the file is scanned again to name the line of the bad byte.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    /** Opens the file; the caller closes the reader. */
    static Reader open(Path file) throws IOException, PortalCsvException {
        BufferedReader text = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        try {
            // Exports saved by spreadsheet programs start with a byte-order mark, which would stick to "Row ID".
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset();
            }
            return text;
        } catch (CharacterCodingException notUtf8) {
            text.close();
            throw notUtf8(file, notUtf8);
        } catch (IOException | RuntimeException failure) {
            text.close();
            throw failure;
        }
    }

    /** The error for a file that turned out not to be UTF-8, at the line of its first bad byte. */
    static PortalCsvException notUtf8(Path file, CharacterCodingException failure) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                bytes.position(bytes.position() + Math.max(read, 0)).flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                line += newlines(chars.flip());
                chars.clear();
                if (result.isError()) {
                    String bad = String.format("0x%02X", bytes.get(bytes.position()) & 0xFF);
                    return new PortalCsvException(file, line, "the file is not UTF-8 text: byte " + bad
                            + " is not part of a UTF-8 character; export it again or save it as UTF-8", failure);
                }
                bytes.compact();
            }
        }
        // The bytes decode now: the file changed while it was read. Say what the reader saw.
        return new PortalCsvException(file, line, "the file is not UTF-8 text (" + failure + ")", failure);
    }

    private static int newlines(CharBuffer chars) {
        int count = 0;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                count++;
            }
        }
        return count;
    }
}
