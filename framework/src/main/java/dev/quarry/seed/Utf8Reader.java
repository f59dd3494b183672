package dev.quarry.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 text from a stream, with a fast path for ASCII: seeds are mostly ASCII, and copying those bytes
 * straight to chars takes a fraction of the time the JDK's stream decoder needs (it was a fifth of the time of reading
 * a million-row seed). Everything else goes through a {@link CharsetDecoder} that reports malformed input, so a file
 * that is not UTF-8 fails with a {@link java.nio.charset.CharacterCodingException}. A byte-order mark at the start
 * is skipped.
 */
final class Utf8Reader extends Reader {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] bytes = new byte[BUFFER];
    private int position;
    private int limit;
    private char pendingLowSurrogate;
    private boolean started;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count = 0;
        if (pendingLowSurrogate != 0) {
            chars[offset] = pendingLowSurrogate;
            pendingLowSurrogate = 0;
            return 1;
        }
        while (true) {
            if (position == limit && !fill()) {
                return -1;
            }
            while (count < length && position < limit && bytes[position] >= 0) {
                chars[offset + count++] = (char) bytes[position++];
            }
            if (count < length && position < limit) {
                count += decode(chars, offset + count, length - count);
            }
            if (count > 0) {
                return count;
            }
            // Only the first bytes of a character are left in the buffer: read the rest of it.
            if (!fill()) {
                failAtEnd();
            }
        }
    }

    /** Decodes from a byte that is not ASCII on, until the chars are full or the bytes run out. */
    private int decode(char[] chars, int offset, int length) throws IOException {
        ByteBuffer input = ByteBuffer.wrap(bytes, position, limit - position);
        // A character outside the BMP is two chars; with room for one, keep its second half for the next read.
        CharBuffer output = length >= 2 ? CharBuffer.wrap(chars, offset, length) : CharBuffer.allocate(2);
        CoderResult result = decoder.decode(input, output, false);
        position = input.position();
        if (result.isError()) {
            result.throwException();
        }
        if (length >= 2) {
            return output.position() - offset;
        }
        if (output.position() == 2) {
            pendingLowSurrogate = output.get(1);
        }
        if (output.position() > 0) {
            chars[offset] = output.get(0);
            return 1;
        }
        return 0;
    }

    /** The stream ended inside a character: that is malformed input. */
    private void failAtEnd() throws IOException {
        ByteBuffer input = ByteBuffer.wrap(bytes, position, limit - position);
        CoderResult result = decoder.decode(input, CharBuffer.allocate(2), true);
        if (result.isError()) {
            result.throwException();
        }
        throw new java.nio.charset.MalformedInputException(limit - position);
    }

    /** Moves what is left to the front and reads more; false when the stream has no more bytes. */
    private boolean fill() throws IOException {
        int left = limit - position;
        System.arraycopy(bytes, position, bytes, 0, left);
        position = 0;
        limit = left;
        int read = in.readNBytes(bytes, left, bytes.length - left);
        limit += read;
        if (!started) {
            started = true;
            if (limit >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                position = 3;
                return limit > 3;
            }
        }
        return read > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
