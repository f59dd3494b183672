package dev.sfcrimestats.socrata;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * The response body's JSON on its way to the (possibly gzipping) body stream, with a body {@link Fault} played at
 * its byte offset: a reset, a truncation or a stall. Bytes are counted before compression, so offsets are JSON
 * offsets whatever the encoding.
 */
final class FaultyOutputStream extends FilterOutputStream {

    /** Thrown to make the HTTP server drop the connection mid-body: the client sees an unfinished chunked body. */
    static final class ExchangeAborted extends IOException {
        ExchangeAborted(String message) {
            super(message);
        }
    }

    private final Fault fault;
    private long written;
    private boolean played;

    /** A stream playing {@code fault} (a RESET, TRUNCATE or STALL; null or any other kind plays nothing). */
    FaultyOutputStream(OutputStream out, Fault fault) {
        super(out);
        boolean inBody = fault != null && (fault.kind() == Fault.Kind.RESET || fault.kind() == Fault.Kind.TRUNCATE
                || fault.kind() == Fault.Kind.STALL);
        this.fault = inBody ? fault : null;
    }

    @Override
    public void write(int oneByte) throws IOException {
        write(new byte[] {(byte) oneByte}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (fault == null || played) {
            if (fault == null || fault.kind() != Fault.Kind.TRUNCATE) {
                out.write(bytes, offset, length);
            }
            written += length;
            return;
        }
        long room = fault.afterBytes() - written;
        if (room >= length) {
            out.write(bytes, offset, length);
            written += length;
            return;
        }
        int before = (int) room;
        out.write(bytes, offset, before);
        written += before;
        play();
        write(bytes, offset + before, length - before);
    }

    @Override
    public void close() throws IOException {
        if (fault != null && !played && fault.kind() != Fault.Kind.TRUNCATE) {
            play();
        }
        out.close();
    }

    private void play() throws IOException {
        played = true;
        // What came before the fault reaches the client first, through the gzip and chunk buffers.
        out.flush();
        if (fault.kind() == Fault.Kind.RESET) {
            throw new ExchangeAborted("connection reset after " + written + " bytes, as asked: " + fault);
        }
        if (fault.kind() == Fault.Kind.STALL) {
            try {
                Thread.sleep(fault.duration().toMillis());
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the fake closed during a stall");
            }
        }
    }
}
