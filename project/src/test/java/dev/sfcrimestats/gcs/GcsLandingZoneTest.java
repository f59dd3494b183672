package dev.sfcrimestats.gcs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.spi.v1.StorageRpc;

import dev.sfcrimestats.landing.LandingZone;
import dev.sfcrimestats.landing.LandingZoneContract;

/**
 * The landing zone contract on Google's in-memory Cloud Storage (see {@link InMemoryGcs} for what it adds to
 * LocalStorageHelper), and what is particular to Cloud Storage: the precondition on the wire, object names under the
 * prefix, content types, location parsing and the messages for failures. An upload also goes through the real HTTP
 * transport to a loopback server ({@link LoopbackGcs}).
 */
class GcsLandingZoneTest extends LandingZoneContract {

    private static final String BUCKET = "quarry-test";

    private InMemoryGcs gcs;

    @Override
    protected LandingZone zone() {
        gcs = new InMemoryGcs();
        return new GcsLandingZone(gcs.storage, "gs://" + BUCKET + "/landing");
    }

    @Test
    void locateGivesTheGsAddressUnderThePrefix() {
        assertThat(zone.locate("incidents/part-1.parquet"))
                .isEqualTo("gs://quarry-test/landing/incidents/part-1.parquet");
        assertThat(new GcsLandingZone(gcs.storage, "gs://quarry-test/").locate("a.json"))
                .isEqualTo("gs://quarry-test/a.json");
        assertThat(zone).hasToString("gs://quarry-test/landing");
    }

    @Test
    void putNewSendsTheDoesNotExistPreconditionAndReplaceDoesNot() throws IOException {
        zone.putNew("x.parquet", localFile("x.parquet", new byte[] {1, 2, 3})); // a resumable upload
        zone.putNew("empty.json", localFile("empty.json", new byte[0])); // one request
        zone.replace("s.json", "{}".getBytes(UTF_8));

        assertThat(gcs.calls("open")).singleElement().satisfies(
                call -> assertThat(call.options()).containsEntry(StorageRpc.Option.IF_GENERATION_MATCH, 0L));
        assertThat(gcs.calls("create")).hasSize(2);
        assertThat(gcs.calls("create").get(0).options()).containsEntry(StorageRpc.Option.IF_GENERATION_MATCH, 0L);
        assertThat(gcs.calls("create").get(1).options()).doesNotContainKey(StorageRpc.Option.IF_GENERATION_MATCH);
    }

    @Test
    void aSecondPutNewIsRefusedByThePreconditionNamingTheGsLocation() throws IOException {
        zone.putNew("x.parquet", localFile("x.parquet", new byte[] {1}));
        zone.putNew("e.json", localFile("e.json", new byte[0]));

        assertThatThrownBy(() -> zone.putNew("x.parquet", localFile("y.parquet", new byte[] {2})))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("gs://quarry-test/landing/x.parquet");
        assertThatThrownBy(() -> zone.putNew("e.json", localFile("f.json", new byte[0])))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("gs://quarry-test/landing/e.json");
        // Refused by the service's precondition, not by a look before the write.
        assertThat(gcs.calls("get")).isEmpty();
        assertThat(gcs.calls("open")).hasSize(2);
        assertThat(gcs.calls("create")).hasSize(2);
    }

    @Test
    void objectsAreNamedUnderThePrefixWithContentTypes() throws IOException {
        zone.putNew("t/part.parquet", localFile("p", new byte[] {1}));
        zone.replace("t/state.json", "{}".getBytes(UTF_8));
        zone.replace("t/notes.txt", "hi".getBytes(UTF_8));

        assertThat(gcs.storage.get(BlobId.of(BUCKET, "landing/t/part.parquet")).getContentType())
                .isEqualTo("application/vnd.apache.parquet");
        assertThat(gcs.storage.get(BlobId.of(BUCKET, "landing/t/state.json")).getContentType())
                .isEqualTo("application/json");
        assertThat(gcs.storage.get(BlobId.of(BUCKET, "landing/t/notes.txt")).getContentType()).isNull();
        assertThat(gcs.storage.get(BlobId.of(BUCKET, "t/part.parquet"))).isNull();
    }

    @Test
    void listLeavesOutObjectsBesideThePrefixAndFolderPlaceholders() throws IOException {
        zone.replace("a/in.json", "{}".getBytes(UTF_8));
        put(BUCKET, "landing2/a/out.json");
        put(BUCKET, "other/landing/a/out.json");
        put(BUCKET, "landing/a/"); // what the console's "create folder" makes
        put(BUCKET, "landing/");
        put("another-bucket", "landing/a/out.json");

        assertThat(zone.list("")).containsExactly("a/in.json");
        assertThat(zone.list("a")).containsExactly("a/in.json");
    }

    @Test
    void aZoneAtTheBucketRootListsEverything() throws IOException {
        LandingZone root = new GcsLandingZone(gcs.storage, "gs://quarry-test");
        zone.replace("a/x.json", "{}".getBytes(UTF_8));
        root.replace("b.json", "{}".getBytes(UTF_8));

        assertThat(root.list("")).containsExactly("b.json", "landing/a/x.json");
        assertThat(root.list("landing")).containsExactly("landing/a/x.json");
        assertThat(root.read("landing/a/x.json")).isPresent();
    }

    @Test
    void readOfAFolderIsEmpty() throws IOException {
        zone.replace("f/x.json", "{}".getBytes(UTF_8));

        assertThat(zone.read("f")).isEmpty();
    }

    @Test
    void localCopyOfAMissingObjectNamesItAndLeavesNoPartialFile() throws IOException {
        Path scratch = scratch();

        assertThatThrownBy(() -> zone.localCopy("no/such.parquet", scratch))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("gs://quarry-test/landing/no/such.parquet");
        try (Stream<Path> files = Files.walk(scratch)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void localCopyKeepsTheFoldersAndReplacesAnOlderCopy() throws IOException {
        Path scratch = scratch();
        zone.replace("a/b/c.json", "[1]".getBytes(UTF_8));
        assertThat(zone.localCopy("a/b/c.json", scratch)).isEqualTo(scratch.resolve("a/b/c.json"));

        zone.replace("a/b/c.json", "[2]".getBytes(UTF_8));
        assertThat(zone.localCopy("a/b/c.json", scratch)).content(UTF_8).isEqualTo("[2]");
        try (Stream<Path> files = Files.list(scratch.resolve("a/b"))) {
            assertThat(files).containsExactly(scratch.resolve("a/b/c.json"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs.json", "a//b.json", "a/", "../up.json", "a/./b.json", "a/../b.json"})
    void pathsThatAreNotRelativeFilePathsAreRejected(String path) {
        assertThatThrownBy(() -> zone.replace(path, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> zone.read(path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> zone.localCopy(path, temp)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkWritableWritesAndDeletesOneProbeUnderThePrefix() throws IOException {
        zone.checkWritable();

        assertThat(gcs.calls("create")).hasSize(1);
        assertThat(gcs.calls("create").get(0).options()).containsEntry(StorageRpc.Option.IF_GENERATION_MATCH, 0L);
        assertThat(gcs.calls("delete")).hasSize(1);
        assertThat(gcs.storage.list(BUCKET).iterateAll()).isEmpty();
    }

    @Test
    void checkWritableSaysWhichPermissionAndRoleWhenDenied() {
        gcs.failWith("create", new StorageException(403,
                "someone@example.com does not have storage.objects.create access to the Google Cloud Storage object.",
                "forbidden", null));

        assertThatThrownBy(zone::checkWritable)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("gs://quarry-test/landing/_quarry_probe_")
                .hasMessageContaining("needs storage.objects.create on the bucket 'quarry-test'")
                .hasMessageContaining("roles/storage.objectAdmin")
                .hasMessageContaining("roles/storage.objectCreator")
                .hasMessageContaining("someone@example.com does not have storage.objects.create access");
    }

    @Test
    void checkWritableSaysWhenTheProbeCannotBeDeleted() {
        gcs.failWith("delete", new StorageException(403, "no storage.objects.delete access", "forbidden", null));

        assertThatThrownBy(zone::checkWritable)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("needs storage.objects.delete on the bucket 'quarry-test'")
                .hasMessageContaining("was left behind");
    }

    @Test
    void checkWritableSaysWhenTheBucketDoesNotExist() {
        gcs.failWith("create", new StorageException(404, "The specified bucket does not exist.", "notFound", null));

        assertThatThrownBy(zone::checkWritable)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the bucket 'quarry-test' does not exist")
                .hasMessageContaining("gcloud storage buckets create gs://quarry-test");
    }

    @Test
    void checkWritableSaysHowToAuthenticateWhenCredentialsAreRejected() {
        gcs.failWith("create", new StorageException(401, "Invalid Credentials", "authError", null));

        assertThatThrownBy(zone::checkWritable)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("rejected the credentials (HTTP 401)")
                .hasMessageContaining("gcloud auth application-default login")
                .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS");
    }

    @Test
    void otherFailuresNameTheGsLocation() {
        gcs.failWith("load", new StorageException(500, "backend error", "backendError", null));
        gcs.failWith("list", new StorageException(403, "no storage.objects.list access", "forbidden", null));
        gcs.failWith("read", new StorageException(503, "unavailable", "backendError", null));

        assertThatThrownBy(() -> zone.read("s/state.json"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 500 backendError")
                .hasMessageContaining("reading gs://quarry-test/landing/s/state.json")
                .hasMessageContaining("backend error");
        assertThatThrownBy(() -> zone.list("s"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("listing gs://quarry-test/landing/s/")
                .hasMessageContaining("needs storage.objects.list");
        assertThatThrownBy(() -> zone.localCopy("s/part.parquet", temp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("downloading gs://quarry-test/landing/s/part.parquet");
    }

    @Test
    void locationsAreParsed() {
        assertThat(GcsLocation.parse("gs://quarry-test")).isEqualTo(new GcsLocation("quarry-test", ""));
        assertThat(GcsLocation.parse("gs://quarry-test/")).isEqualTo(new GcsLocation("quarry-test", ""));
        assertThat(GcsLocation.parse("gs://quarry.test_1/a/b/")).isEqualTo(new GcsLocation("quarry.test_1", "a/b"));
        assertThat(GcsLocation.parse("gs://quarry-test/landing")).hasToString("gs://quarry-test/landing");
        assertThat(GcsLocation.parse("gs://quarry-test")).hasToString("gs://quarry-test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "quarry-test/landing", "s3://quarry-test/landing", "gs:/quarry-test",
        "GS://quarry-test", "gs://", "gs:///landing", "gs://Quarry-Test/landing", "gs://ab", "gs://-bucket",
        "gs://bucket-/x", "gs://my bucket/x", "gs://quarry-test//landing", "gs://quarry-test/a//b",
        "gs://quarry-test/landing//", "gs://quarry-test/../x", "gs://quarry-test/a/./b"})
    void malformedLocationsAreRejectedWithTheExpectedForm(String uri) {
        assertThatThrownBy(() -> GcsLocation.parse(uri))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a Cloud Storage location: '" + uri + "' (")
                .hasMessageContaining("expected gs://BUCKET or gs://BUCKET/PREFIX");
        assertThatThrownBy(() -> new GcsLandingZone(gcs.storage, uri)).isInstanceOf(IllegalArgumentException.class);
        // Checked before any credentials are looked up.
        assertThatThrownBy(() -> GcsLandingZone.open(uri)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedLocationMessagesSayWhatIsWrong() {
        assertThatThrownBy(() -> GcsLocation.parse("s3://b/x")).hasMessageContaining("does not start with gs://");
        assertThatThrownBy(() -> GcsLocation.parse("gs://")).hasMessageContaining("bucket name is missing");
        assertThatThrownBy(() -> GcsLocation.parse("gs://Bucket")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> GcsLocation.parse("gs://b/x")).hasMessageContaining("3 to 222 characters");
        assertThatThrownBy(() -> GcsLocation.parse("gs://bkt/a//b")).hasMessageContaining("empty, '.' or '..'");
    }

    /**
     * The HTTP transport's client can be built and makes requests with the pom's exclusions (no gRPC, no
     * OpenTelemetry SDK): nothing listens on port 1, so the request fails to connect, and that failure is reported
     * with the location.
     */
    @Test
    void theHttpTransportLoadsWithoutGrpc() {
        Storage storage = StorageOptions.newBuilder()
                .setProjectId("p")
                .setCredentials(NoCredentials.getInstance())
                .setHost("http://127.0.0.1:1")
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build()
                .getService();
        assertThat(storage).isNotNull();

        LandingZone unreachable = new GcsLandingZone(storage, "gs://quarry-test/landing");
        assertThatThrownBy(() -> unreachable.read("x.json"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("reading gs://quarry-test/landing/x.json");
    }

    /**
     * Over the real HTTP transport, a file goes up in a resumable upload: the session is started with
     * ifGenerationMatch=0 on the wire, the bytes arrive whole, and a second upload is refused with a 412. The file is
     * larger than the client's 15 MiB chunk buffer.
     */
    @Test
    void overHttpAFileGoesUpInAResumableUploadWithThePrecondition() throws IOException {
        byte[] content = randomBytes(7, 15 * 1024 * 1024 + 123);
        Path file = localFile("big.parquet", content);
        try (LoopbackGcs server = new LoopbackGcs()) {
            LandingZone loopback = new GcsLandingZone(server.storage(), "gs://quarry-test/landing");

            loopback.putNew("big/part-1.parquet", file);

            assertThat(server.sessionStarts).hasSize(1);
            assertThat(server.sessionStarts.get(0)).containsEntry("ifGenerationMatch", "0");
            LoopbackGcs.Upload upload = server.objects.get("landing/big/part-1.parquet");
            assertThat(upload).isNotNull();
            assertThat(upload.size()).isEqualTo(content.length);
            assertThat(upload.sha256()).isEqualTo(LoopbackGcs.sha256(content));
            assertThat(upload.metadata().path("contentType").asText()).isEqualTo("application/vnd.apache.parquet");

            assertThatThrownBy(() -> loopback.putNew("big/part-1.parquet", file))
                    .isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessageContaining("gs://quarry-test/landing/big/part-1.parquet");
            assertThat(server.sessionStarts).hasSize(2);
        }
    }

    /** Over the real HTTP transport, a listing takes every page. */
    @Test
    void overHttpListTakesEveryPage() throws IOException {
        try (LoopbackGcs server = new LoopbackGcs()) {
            LandingZone loopback = new GcsLandingZone(server.storage(), "gs://quarry-test/landing");
            for (String name : List.of("t/e.parquet", "t/a.parquet", "t/d.parquet", "t/c.parquet", "t/b.parquet")) {
                loopback.putNew(name, localFile(name.substring(2), new byte[] {1}));
            }
            loopback.putNew("u/f.parquet", localFile("f.parquet", new byte[] {1}));

            assertThat(loopback.list("t")).containsExactly(
                    "t/a.parquet", "t/b.parquet", "t/c.parquet", "t/d.parquet", "t/e.parquet");
            assertThat(server.listings).hasSize(3).allSatisfy(
                    query -> assertThat(query).containsEntry("prefix", "landing/t/"));
        }
    }

    /** Another writer that creates the object while an upload to it is under way wins; the upload fails. */
    @Test
    void overHttpAnUploadThatLosesARaceFailsAsExisting() throws IOException {
        byte[] content = randomBytes(8, 100_000);
        try (LoopbackGcs server = new LoopbackGcs()) {
            LandingZone loopback = new GcsLandingZone(server.storage(), "gs://quarry-test/landing");
            server.racedBy.add("landing/raced.parquet");

            assertThatThrownBy(() -> loopback.putNew("raced.parquet", localFile("raced.parquet", content)))
                    .isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessageContaining("gs://quarry-test/landing/raced.parquet");
            assertThat(server.objects.get("landing/raced.parquet").size()).isZero(); // the winner's, untouched
        }
    }

    private void put(String bucket, String name) {
        gcs.storage.create(BlobInfo.newBuilder(bucket, name).build(), "{}".getBytes(UTF_8));
    }
}
