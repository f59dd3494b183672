package dev.sfcrimestats.gcs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;

import dev.quarry.docs.PublishedSite;
import dev.quarry.docs.SitePublishException;
import dev.quarry.docs.SitePublisher;

/**
 * Publishes the docs site and dashboard to {@code gs://bucket/prefix} ({@code quarry pipeline --publish}), for a
 * bucket served as a static website: every file is uploaded with its content type and a short cache lifetime (the
 * data changes daily), then the objects under the prefix that the site no longer has are deleted. Uses the
 * credentials the process runs with.
 */
public final class GcsSitePublisher implements SitePublisher {

    /** Browsers and the bucket's cache may keep a file this long; tomorrow's run replaces it. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    private final Supplier<Storage> storage;

    /** The publisher {@code quarry pipeline} finds: the real Cloud Storage, application default credentials. */
    public GcsSitePublisher() {
        this(() -> StorageOptions.getDefaultInstance().getService());
    }

    /** A publisher on the given client (tests: an in-memory Storage). */
    GcsSitePublisher(Supplier<Storage> storage) {
        this.storage = storage;
    }

    @Override
    public String scheme() {
        return "gs";
    }

    @Override
    public PublishedSite publish(Path siteDir, String destination, Map<String, String> environment)
            throws SitePublishException {
        GcsLocation root;
        try {
            root = GcsLocation.parse(destination);
        } catch (IllegalArgumentException malformed) {
            throw new SitePublishException(malformed.getMessage());
        }
        Storage client = storage.get();
        List<Path> files = files(siteDir);
        Set<String> published = new HashSet<>();
        long bytes = 0;
        for (Path file : files) {
            String name = root.objectName(siteDir.relativize(file).toString().replace('\\', '/'));
            BlobInfo info = BlobInfo.newBuilder(BlobId.of(root.bucket(), name))
                    .setContentType(contentType(file))
                    .setCacheControl(CACHE_CONTROL)
                    .build();
            try {
                client.createFrom(info, file);
                bytes += Files.size(file);
            } catch (StorageException e) {
                throw failed("uploading", root, name, e);
            } catch (IOException e) {
                throw new SitePublishException("cannot read " + file + ": " + e.getMessage(), e);
            }
            published.add(name);
        }
        int removed = 0;
        try {
            for (Blob blob : client.list(root.bucket(), BlobListOption.prefix(root.objectPrefix())).iterateAll()) {
                if (!published.contains(blob.getName())) {
                    client.delete(blob.getBlobId());
                    removed++;
                }
            }
        } catch (StorageException e) {
            throw failed("removing old files from", root, root.objectPrefix(), e);
        }
        return new PublishedSite(root.toString(), files.size(), bytes, removed);
    }

    private static List<Path> files(Path siteDir) throws SitePublishException {
        try (Stream<Path> walk = Files.walk(siteDir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new SitePublishException("cannot read the site under " + siteDir + ": " + e.getMessage(), e);
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static SitePublishException failed(String action, GcsLocation root, String name, StorageException e) {
        String where = "gs://" + root.bucket() + "/" + name;
        if (e.getCode() == 403) {
            return new SitePublishException("Cloud Storage denied access (HTTP 403) while " + action + " " + where
                    + ": " + e.getMessage() + "\n  hint: the account in use needs roles/storage.objectUser on the "
                    + "bucket '" + root.bucket() + "' (publishing creates, replaces and deletes objects)", e);
        }
        if (e.getCode() == 404) {
            return new SitePublishException("the bucket '" + root.bucket() + "' does not exist (HTTP 404) while "
                    + action + " " + where + "\n  hint: create it, or fix --publish", e);
        }
        return new SitePublishException("Cloud Storage failed" + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "")
                + " while " + action + " " + where + ": " + e.getMessage(), e);
    }
}
