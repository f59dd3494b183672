package dev.quarry.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;

/**
 * Hashes of text, hex-encoded: SHA-256 for the checksums the manifest shows, and a much cheaper 128-bit MurmurHash3
 * (Guava's) for the compile cache's keys, which only tell one input from another and are computed for every node on
 * every compile.
 */
final class Checksums {

    private Checksums() {
    }

    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Checksums::newDigest);

    static String sha256(String... parts) {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        for (String part : parts) {
            byte[] bytes = (part == null ? "\u0000null" : part).getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A 128-bit key for the compile cache: unchanged parts give the same key, changed ones (in practice) not. */
    static String cacheKey(String... parts) {
        Hasher hasher = Hashing.murmur3_128().newHasher();
        for (String part : parts) {
            if (part == null) {
                hasher.putInt(-1);
            } else {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                hasher.putInt(bytes.length).putBytes(bytes);
            }
        }
        return hasher.hash().toString();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
