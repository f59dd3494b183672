package dev.sfcrimestats.gcs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Cloud Storage location given as {@code gs://BUCKET} or {@code gs://BUCKET/PREFIX}: the root of a landing zone.
 * The prefix is kept without leading or trailing {@code /} and is empty for the bucket's root.
 *
 * @param bucket the bucket's name
 * @param prefix the folder inside the bucket, {@code a/b} for {@code gs://bucket/a/b/}; empty for the whole bucket
 */
public record GcsLocation(String bucket, String prefix) {

    /**
     * Bucket names as Cloud Storage accepts them: lower-case letters, digits, {@code -}, {@code _} and {@code .},
     * starting and ending with a letter or digit. Checked here so a typo fails before any credentials are looked up,
     * with a message that says what is wrong rather than a 400 from the service.
     */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?");

    private static final String SCHEME = "gs://";

    /** Checks the parts; {@link #parse} is the usual way to get one. */
    public GcsLocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        String problem = bucketProblem(bucket);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        problem = prefixProblem(prefix);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Reads {@code gs://BUCKET} or {@code gs://BUCKET/PREFIX} (a trailing {@code /} is allowed).
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static GcsLocation parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw malformed(String.valueOf(uri), "it is empty");
        }
        if (!uri.startsWith(SCHEME)) {
            throw malformed(uri, "it does not start with gs://");
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        // One trailing slash names the same folder ("gs://b/landing/" is "gs://b/landing"); more are a typo.
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        String problem = bucketProblem(bucket);
        if (problem == null) {
            problem = prefixProblem(prefix);
        }
        if (problem != null) {
            throw malformed(uri, problem);
        }
        return new GcsLocation(bucket, prefix);
    }

    /** The object name of a path relative to this location: {@code prefix/path}, or {@code path} at the root. */
    public String objectName(String path) {
        return objectPrefix() + path;
    }

    /** What every object name under this location starts with: {@code prefix/}, or nothing at the bucket's root. */
    public String objectPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    /** The {@code gs://} address of a path relative to this location. */
    public String locate(String path) {
        return SCHEME + bucket + "/" + objectName(path);
    }

    /** {@code gs://bucket/prefix}, or {@code gs://bucket} at the bucket's root. */
    @Override
    public String toString() {
        return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    private static String bucketProblem(String bucket) {
        if (bucket.isEmpty()) {
            return "the bucket name is missing";
        }
        if (bucket.length() < 3 || bucket.length() > 222) {
            return "bucket name '" + bucket + "' must have 3 to 222 characters";
        }
        if (!BUCKET.matcher(bucket).matches()) {
            return "bucket name '" + bucket + "' may only have lower-case letters, digits, '-', '_' and '.', and must "
                    + "start and end with a letter or digit";
        }
        return null;
    }

    private static String prefixProblem(String prefix) {
        if (prefix.isEmpty()) {
            return null;
        }
        for (String segment : prefix.split("/", -1)) {
            // "a//b", "./a" and "a/.." are legal object names on Cloud Storage but never what someone meant, and a
            // local copy of such a name would land outside its folder.
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "the prefix '" + prefix + "' has an empty, '.' or '..' folder";
            }
        }
        if (prefix.chars().anyMatch(Character::isISOControl)) {
            return "the prefix has a control character";
        }
        return null;
    }

    private static IllegalArgumentException malformed(String uri, String problem) {
        return new IllegalArgumentException("not a Cloud Storage location: '" + uri + "' (" + problem
                + "); expected gs://BUCKET or gs://BUCKET/PREFIX, e.g. gs://my-bucket/landing");
    }
}
