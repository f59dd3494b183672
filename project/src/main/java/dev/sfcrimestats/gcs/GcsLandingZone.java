package dev.sfcrimestats.gcs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.StorageRetryStrategy;

import dev.sfcrimestats.landing.LandingZone;

/**
 * A landing zone under a Cloud Storage prefix ({@code gs://bucket/prefix}), over the JSON API.
 *
 * <p>Cloud Storage has no folders and no rename, but a single object write is atomic: an object appears whole when
 * its upload finishes, or not at all. So {@link #putNew} uploads straight to the final name with a does-not-exist
 * precondition ({@code ifGenerationMatch=0}), which makes "never replace a landed file" the service's job rather than
 * a check-then-write race, and {@link #replace} is one overwrite.
 *
 * <p>Failures become {@link IOException}s that name the {@code gs://} location; a denied permission, rejected
 * credentials and a missing bucket say what to grant or fix.
 *
 * <p>Safe for concurrent use: it keeps nothing but the client, which is.
 */
public final class GcsLandingZone implements LandingZone {

    /** Names of the objects {@link #checkWritable} writes and deletes, so a left-over one is recognisable. */
    public static final String PROBE_PREFIX = "_quarry_probe_";

    static final String PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet";
    static final String JSON_CONTENT_TYPE = "application/json";

    private static final String NL = System.lineSeparator();

    private static final String CREATE = "storage.objects.create";
    private static final String DELETE = "storage.objects.delete";
    private static final String GET = "storage.objects.get";
    private static final String LIST = "storage.objects.list";

    private static final String ROLES_HINT = "roles/storage.objectAdmin (or roles/storage.objectUser) on the bucket "
            + "grants everything the landing zone does (create, read, list, overwrite, delete); "
            + "roles/storage.objectCreator grants only creating new objects";

    private static final String CREDENTIALS_HINT = "a zone opened from its gs:// location uses application default "
            + "credentials: run 'gcloud auth application-default login', set GOOGLE_APPLICATION_CREDENTIALS to a "
            + "service account key file, or run on a machine whose service account has access";

    private final Storage storage;
    private final GcsLocation root;

    /**
     * @param storage the client to use (its credentials and project)
     * @param gsUri the zone's root, {@code gs://bucket} or {@code gs://bucket/prefix}
     * @throws IllegalArgumentException when {@code gsUri} is not such a location
     */
    public GcsLandingZone(Storage storage, String gsUri) {
        this(storage, GcsLocation.parse(gsUri));
    }

    /**
     * @param storage the client to use (its credentials and project)
     * @param root the zone's root
     */
    public GcsLandingZone(Storage storage, GcsLocation root) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * A zone on the real Cloud Storage with application default credentials (the machine's service account,
     * {@code GOOGLE_APPLICATION_CREDENTIALS}, or {@code gcloud auth application-default login}).
     *
     * @param gsUri the zone's root, {@code gs://bucket} or {@code gs://bucket/prefix}
     * @throws IllegalArgumentException when {@code gsUri} is not such a location (checked before any credentials
     *     are looked up)
     */
    public static GcsLandingZone open(String gsUri) {
        return open(gsUri, null);
    }

    /**
     * As {@link #open(String)}, acting as the service account {@code impersonate} when it is not blank: the
     * credentials found mint short-lived tokens for it (they need {@code roles/iam.serviceAccountTokenCreator} on
     * it), so that only that account needs write access to the bucket.
     *
     * @throws IllegalArgumentException when {@code gsUri} is not such a location, or no credentials are found
     */
    public static GcsLandingZone open(String gsUri, String impersonate) {
        GcsLocation root = GcsLocation.parse(gsUri);
        // The uniform strategy also retries writes without a precondition: the zone's only such writes replace the
        // load state and manifests with the same bytes, so a retry is harmless.
        StorageOptions.Builder options = StorageOptions.newBuilder()
                .setStorageRetryStrategy(StorageRetryStrategy.getUniformStorageRetryStrategy());
        if (impersonate != null && !impersonate.isBlank()) {
            options.setCredentials(GcsCredentials.impersonating(GcsCredentials.applicationDefault(), impersonate));
        }
        return new GcsLandingZone(options.build().getService(), root);
    }

    /** The zone's root. */
    public GcsLocation root() {
        return root;
    }

    @Override
    public String locate(String path) {
        // A folder (ending in '/') is located too, for messages about where a table's files are.
        boolean folder = path.endsWith("/") && path.length() > 1;
        String located = root.locate(checkPath(folder ? path.substring(0, path.length() - 1) : path));
        return folder ? located + "/" : located;
    }

    /**
     * Writes a small probe object under the prefix and deletes it, so missing permissions, rejected credentials and a
     * missing bucket show before anything is fetched. Both steps are checked: the zone also overwrites and deletes.
     */
    @Override
    public void checkWritable() throws IOException {
        String probe = PROBE_PREFIX + UUID.randomUUID();
        BlobId id = blobId(probe);
        BlobInfo info = BlobInfo.newBuilder(id).setContentType("text/plain").build();
        try {
            // The precondition makes the write idempotent, so the client retries it on a transient failure.
            storage.create(info, "Quarry checks it can write here; this object can be deleted.\n"
                    .getBytes(StandardCharsets.UTF_8), BlobTargetOption.doesNotExist());
        } catch (StorageException e) {
            throw failed("writing a test object", probe, e, CREATE);
        }
        try {
            storage.delete(id);
        } catch (StorageException e) {
            IOException failure = failed("deleting a test object", probe, e, DELETE);
            throw new IOException(failure.getMessage() + NL + "  note: the test object " + root.locate(probe)
                    + " was left behind; it can be deleted", e);
        }
    }

    /**
     * Uploads the file with a does-not-exist precondition, in a resumable upload the client streams from the file
     * (an empty file goes up in one request). Cloud Storage enforces the precondition up to the moment the object is
     * created, so of two uploads racing for a path one lands whole and the other fails.
     *
     * @throws FileAlreadyExistsException naming the {@code gs://} location when the object exists (HTTP 412)
     */
    @Override
    public void putNew(String path, Path localFile) throws IOException {
        BlobInfo info = blobInfo(checkPath(path));
        try {
            storage.createFrom(info, localFile, BlobWriteOption.doesNotExist());
        } catch (StorageException e) {
            if (e.getCode() == 412) {
                throw new FileAlreadyExistsException(root.locate(path), null,
                        "exists already, and a landed file is never replaced");
            }
            throw failed("uploading " + localFile + " to", path, e, CREATE);
        }
    }

    /** One object write: readers see the old content or the new, never a mix. */
    @Override
    public void replace(String path, byte[] content) throws IOException {
        BlobInfo info = blobInfo(checkPath(path));
        try {
            storage.create(info, content);
        } catch (StorageException e) {
            // Overwriting an object needs storage.objects.delete as well as create: name both.
            throw failed("writing", path, e, CREATE + " and " + DELETE);
        }
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        BlobId id = blobId(checkPath(path));
        try {
            // One request: asking whether it exists first would race with a writer and cost a round trip.
            return Optional.of(storage.readAllBytes(id));
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw failed("reading", path, e, GET);
        }
    }

    /** Lists every page; folder placeholder objects (names ending in {@code /}, made by the console) are skipped. */
    @Override
    public List<String> list(String prefix) throws IOException {
        String folder = folder(prefix);
        String objectPrefix = root.objectPrefix() + folder;
        int rootLength = root.objectPrefix().length();
        List<String> paths = new ArrayList<>();
        try {
            // A prefix ending in '/' cannot match a sibling such as "a/bc" for the folder "a/b".
            Page<Blob> page = objectPrefix.isEmpty() ? storage.list(root.bucket())
                    : storage.list(root.bucket(), BlobListOption.prefix(objectPrefix));
            for (Blob blob : page.iterateAll()) {
                String name = blob.getName();
                if (!name.endsWith("/")) {
                    paths.add(name.substring(rootLength));
                }
            }
        } catch (StorageException e) {
            throw failed("listing", folder, e, LIST);
        }
        paths.sort(null);
        return paths;
    }

    @Override
    public void delete(String path) throws IOException {
        BlobId id = blobId(checkPath(path));
        try {
            storage.delete(id); // false when it was not there: nothing to do
        } catch (StorageException e) {
            throw failed("deleting", path, e, DELETE);
        }
    }

    /**
     * Downloads the object, streamed, to {@code scratch/path} (folders as in the zone). It is written under a
     * temporary name and moved into place, so a failed download never leaves a file that looks complete.
     *
     * @throws NoSuchFileException naming the {@code gs://} location when the object does not exist
     */
    @Override
    public Path localCopy(String path, Path scratch) throws IOException {
        BlobId id = blobId(checkPath(path));
        Path target = scratch.resolve(path);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                storage.downloadTo(id, out);
            } catch (StorageException e) {
                if (e.getCode() == 404) {
                    throw new NoSuchFileException(root.locate(path));
                }
                throw failed("downloading", path, e, GET);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return target;
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private BlobId blobId(String path) {
        return BlobId.of(root.bucket(), root.objectName(path));
    }

    private BlobInfo blobInfo(String path) {
        BlobInfo.Builder builder = BlobInfo.newBuilder(blobId(path));
        String type = contentType(path);
        if (type != null) {
            builder.setContentType(type);
        }
        return builder.build();
    }

    /** The content type for a path's extension; {@code null} leaves Cloud Storage's default. */
    static String contentType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return PARQUET_CONTENT_TYPE;
        }
        if (lower.endsWith(".json")) {
            return JSON_CONTENT_TYPE;
        }
        return null;
    }

    /**
     * Checks a path relative to the zone: not empty, {@code /}-separated, no leading or trailing {@code /}, no empty,
     * {@code .} or {@code ..} part. Cloud Storage would take such names as they are, but a local zone or a local
     * copy would not put them where the name says.
     */
    private static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a landing zone path cannot be empty");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a landing zone path: '" + path
                        + "' (it must be relative, separated by single '/', without '.' or '..')");
            }
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a landing zone path: '" + path + "' (it has a control character)");
        }
        return path;
    }

    /** A listing prefix as a folder: empty for the whole zone, otherwise ending in exactly one {@code /}. */
    private static String folder(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed.isEmpty() ? "" : checkPath(trimmed) + "/";
    }

    /**
     * A failure as a message users can act on.
     *
     * @param action what was being done to the location, e.g. {@code "reading"}
     * @param permission the IAM permission the action needs
     */
    private IOException failed(String action, String path, StorageException e, String permission) {
        String where = path.isEmpty() ? root.toString() : root.locate(path);
        String message = text(e);
        int code = e.getCode();
        if (code == 401) {
            return new IOException("Cloud Storage rejected the credentials (HTTP 401) while " + action + " " + where
                    + ": " + message + NL + "  hint: " + CREDENTIALS_HINT, e);
        }
        if (code == 403) {
            return new IOException("Cloud Storage denied access (HTTP 403) while " + action + " " + where + ": "
                    + message + NL + "  hint: the account in use needs " + permission + " on the bucket '"
                    + root.bucket() + "'; " + ROLES_HINT + NL + "  hint: " + CREDENTIALS_HINT, e);
        }
        if (code == 404) {
            // Absent objects are handled by the callers; a 404 that reaches here means there is no bucket.
            return new IOException("the bucket '" + root.bucket() + "' does not exist (HTTP 404) while " + action
                    + " " + where + ": " + message + NL + "  hint: create it (gcloud storage buckets create gs://"
                    + root.bucket() + ") or fix the landing zone's location", e);
        }
        String status = code > 0 ? " (HTTP " + code + (e.getReason() == null ? "" : " " + e.getReason()) + ")" : "";
        return new IOException("Cloud Storage failed" + status + " while " + action + " " + where + ": " + message, e);
    }

    private static String text(StorageException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause != null && cause.getMessage() != null ? cause.getMessage()
                    : e.getClass().getSimpleName();
        }
        return message.strip();
    }
}
