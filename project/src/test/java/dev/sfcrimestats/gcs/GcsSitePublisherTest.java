package dev.sfcrimestats.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;

import dev.quarry.docs.PublishedSite;
import dev.quarry.docs.SitePublishException;

/** The site published to a prefix of Google's in-memory Cloud Storage, twice: new files, replaced ones, gone ones. */
class GcsSitePublisherTest {

    @TempDir
    Path site;

    private final InMemoryGcs gcs = new InMemoryGcs();
    private final GcsSitePublisher publisher = new GcsSitePublisher(gcs::storage);

    private void write(String path, String text) throws Exception {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Map<String, String> objects(String bucket) {
        Map<String, String> objects = new TreeMap<>();
        for (Blob blob : gcs.storage().list(bucket).iterateAll()) {
            objects.put(blob.getName(), new String(blob.getContent(), StandardCharsets.UTF_8));
        }
        return objects;
    }

    @Test
    void publishesEveryFileWithItsTypeAndRemovesWhatTheSiteNoLongerHas() throws Exception {
        Storage storage = gcs.storage();
        storage.create(BlobInfo.newBuilder(BlobId.of("sf-site", "other/keep.txt")).build(), new byte[] {1});
        write("index.html", "<h1>docs</h1>");
        write("data/nodes/0.js", "window.quarrySite.nodes({})");
        write("data/nodes/1.js", "window.quarrySite.nodes({})");
        write("dashboard/dashboard.css", "body {}");
        publisher.publish(site, "gs://sf-site/site", Map.of());

        Files.delete(site.resolve("data/nodes/1.js"));
        write("index.html", "<h1>docs, again</h1>");
        PublishedSite published = publisher.publish(site, "gs://sf-site/site", Map.of());

        assertThat(published).isEqualTo(new PublishedSite("gs://sf-site/site", 3, 54, 1));
        assertThat(objects("sf-site")).containsOnlyKeys("other/keep.txt", "site/index.html", "site/data/nodes/0.js",
                "site/dashboard/dashboard.css").containsEntry("site/index.html", "<h1>docs, again</h1>");
        Blob index = storage.get(BlobId.of("sf-site", "site/index.html"));
        assertThat(index.getContentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(index.getCacheControl()).isEqualTo(GcsSitePublisher.CACHE_CONTROL);
        assertThat(storage.get(BlobId.of("sf-site", "site/data/nodes/0.js")).getContentType())
                .isEqualTo("text/javascript; charset=utf-8");
        assertThat(storage.get(BlobId.of("sf-site", "site/dashboard/dashboard.css")).getContentType())
                .isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void aDeniedUploadSaysWhichRoleTheAccountNeeds() throws Exception {
        write("index.html", "<h1>docs</h1>");
        gcs.failWith("open", new StorageException(403, "caller does not have storage.objects.create access"));

        assertThatThrownBy(() -> publisher.publish(site, "gs://sf-site/site", Map.of()))
                .isInstanceOf(SitePublishException.class)
                .hasMessageContaining("Cloud Storage denied access (HTTP 403) while uploading "
                        + "gs://sf-site/site/index.html")
                .hasMessageContaining("needs roles/storage.objectUser on the bucket 'sf-site'");
    }

    @Test
    void aDestinationThatIsNotABucketLocationIsRefused() {
        assertThatThrownBy(() -> publisher.publish(site, "gs://", Map.of()))
                .isInstanceOf(SitePublishException.class);
    }
}
