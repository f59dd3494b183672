package dev.quarry.project;

import java.nio.charset.StandardCharsets;

/**
 * A file's text reduced to its length in UTF-8 and two checksums of those bytes, CRC-32C and CRC-32 (different
 * polynomials, both computed by the processor's instructions): cheap on megabytes, and a file edited in place changes
 * it. Tells whether a file is as it was when a cache was written.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C castagnoli = new java.util.zip.CRC32C();
        castagnoli.update(bytes);
        java.util.zip.CRC32 ieee = new java.util.zip.CRC32();
        ieee.update(bytes);
        return bytes.length + ":" + Long.toHexString(castagnoli.getValue()) + ":" + Long.toHexString(ieee.getValue());
    }
}
