package dev.quarry.project;

import java.nio.charset.StandardCharsets;

/**
 * A file's text reduced to its length, CRC-32C and String hash: cheap on megabytes, and a file edited in place changes
 * it. Tells whether a file is as it was when a cache was written.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return bytes.length + ":" + Long.toHexString(crc.getValue()) + ":" + Integer.toHexString(text.hashCode());
    }
}
