package dev.sfcrimestats.landing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link LandingZone} does, whatever it stores files in. A test class per implementation extends this and
 * gives a fresh, empty zone for each test.
 */
public abstract class LandingZoneContract {

    /** Local files to upload, and the scratch folder for local copies. */
    @TempDir
    protected Path temp;

    /** The zone under test, fresh for each test. */
    protected LandingZone zone;

    /** A new, empty zone; called once before each test. */
    protected abstract LandingZone zone() throws IOException;

    @BeforeEach
    void freshZone() throws IOException {
        zone = zone();
    }

    @Test
    void putNewThenReadListAndLocalCopyGiveTheSameBytes() throws IOException {
        byte[] content = randomBytes(1, 300_000); // not UTF-8 text: bytes must survive untouched
        zone.putNew("incidents/2024/part-00001.parquet", localFile("part.parquet", content));

        assertThat(zone.read("incidents/2024/part-00001.parquet")).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(content));
        assertThat(zone.list("")).containsExactly("incidents/2024/part-00001.parquet");
        Path copy = zone.localCopy("incidents/2024/part-00001.parquet", scratch());
        assertThat(copy).isRegularFile();
        assertThat(Files.readAllBytes(copy)).isEqualTo(content);
    }

    @Test
    void putNewTakesAnEmptyFile() throws IOException {
        zone.putNew("empty.json", localFile("empty.json", new byte[0]));

        assertThat(zone.read("empty.json")).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
        assertThat(zone.list("")).containsExactly("empty.json");
    }

    @Test
    void putNewOnAnExistingPathFailsAndKeepsTheOriginal() throws IOException {
        byte[] original = "original".getBytes(UTF_8);
        zone.putNew("a/x.parquet", localFile("first", original));

        assertThatThrownBy(() -> zone.putNew("a/x.parquet", localFile("second", "second".getBytes(UTF_8))))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(zone.read("a/x.parquet")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(original));
        assertThat(zone.list("a")).containsExactly("a/x.parquet");
    }

    @Test
    void putNewOnAPathWrittenByReplaceFails() throws IOException {
        zone.replace("state.json", "{}".getBytes(UTF_8));

        assertThatThrownBy(() -> zone.putNew("state.json", localFile("new.json", "[]".getBytes(UTF_8))))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(zone.read("state.json")).hasValueSatisfying(bytes -> assertThat(bytes).asString(UTF_8)
                .isEqualTo("{}"));
    }

    @Test
    void replaceCreatesAndOverwrites() throws IOException {
        zone.replace("meta/state.json", "{\"v\":1}".getBytes(UTF_8));
        assertThat(zone.read("meta/state.json")).hasValueSatisfying(bytes -> assertThat(bytes).asString(UTF_8)
                .isEqualTo("{\"v\":1}"));

        zone.replace("meta/state.json", "{\"v\":2, \"longer\": true}".getBytes(UTF_8));
        assertThat(zone.read("meta/state.json")).hasValueSatisfying(bytes -> assertThat(bytes).asString(UTF_8)
                .isEqualTo("{\"v\":2, \"longer\": true}"));

        zone.replace("meta/state.json", "{}".getBytes(UTF_8)); // shorter: nothing of the old content is left
        assertThat(zone.read("meta/state.json")).hasValueSatisfying(bytes -> assertThat(bytes).asString(UTF_8)
                .isEqualTo("{}"));
        assertThat(zone.list("meta")).containsExactly("meta/state.json");
    }

    @Test
    void replacedContentHasALocalCopy() throws IOException {
        zone.replace("m/manifest.json", "[1,2,3]".getBytes(UTF_8));

        assertThat(zone.localCopy("m/manifest.json", scratch())).content(UTF_8).isEqualTo("[1,2,3]");
    }

    @Test
    void readOfAMissingPathIsEmpty() throws IOException {
        assertThat(zone.read("nothing/here.json")).isEmpty();
        zone.replace("nothing/else.json", "{}".getBytes(UTF_8));
        assertThat(zone.read("nothing/here.json")).isEmpty();
    }

    @Test
    void listIsSortedAndRelativeToTheRoot() throws IOException {
        for (String path : new String[] {"c/2.json", "b.json", "c/10.json", "a/z/y.parquet", "c/1.json"}) {
            zone.replace(path, path.getBytes(UTF_8));
        }

        assertThat(zone.list("")).containsExactly("a/z/y.parquet", "b.json", "c/1.json", "c/10.json", "c/2.json");
        assertThat(zone.list("c")).containsExactly("c/1.json", "c/10.json", "c/2.json");
        assertThat(zone.list("c/")).containsExactly("c/1.json", "c/10.json", "c/2.json");
    }

    @Test
    void listGoesIntoNestedFolders() throws IOException {
        zone.replace("a/b/c/d.json", "{}".getBytes(UTF_8));
        zone.replace("a/b/e.json", "{}".getBytes(UTF_8));
        zone.replace("a/f.json", "{}".getBytes(UTF_8));

        assertThat(zone.list("a")).containsExactly("a/b/c/d.json", "a/b/e.json", "a/f.json");
        assertThat(zone.list("a/b")).containsExactly("a/b/c/d.json", "a/b/e.json");
        assertThat(zone.list("a/b/c/")).containsExactly("a/b/c/d.json");
    }

    @Test
    void listOfAFolderLeavesOutSiblingsThatShareItsNameAsAPrefix() throws IOException {
        zone.replace("a/b/in.json", "{}".getBytes(UTF_8));
        zone.replace("a/bc/out.json", "{}".getBytes(UTF_8));
        zone.replace("a/b.json", "{}".getBytes(UTF_8));

        assertThat(zone.list("a/b")).containsExactly("a/b/in.json");
        assertThat(zone.list("a/b/")).containsExactly("a/b/in.json");
    }

    @Test
    void listOfAMissingFolderIsEmpty() throws IOException {
        assertThat(zone.list("")).isEmpty();
        assertThat(zone.list("none")).isEmpty();
        zone.replace("some/x.json", "{}".getBytes(UTF_8));
        assertThat(zone.list("none/")).isEmpty();
    }

    @Test
    void deleteRemovesAFileAndIgnoresAMissingOne() throws IOException {
        zone.putNew("d/one.parquet", localFile("one", new byte[] {1}));
        zone.replace("d/two.json", "{}".getBytes(UTF_8));

        zone.delete("d/one.parquet");
        assertThat(zone.read("d/one.parquet")).isEmpty();
        assertThat(zone.list("d")).containsExactly("d/two.json");

        zone.delete("d/one.parquet");
        zone.delete("never/was.json");
        assertThat(zone.list("")).containsExactly("d/two.json");
    }

    @Test
    void aDeletedPathCanBePutNewAgain() throws IOException {
        zone.putNew("p.parquet", localFile("one", new byte[] {1}));
        zone.delete("p.parquet");

        zone.putNew("p.parquet", localFile("two", new byte[] {2, 2}));
        assertThat(zone.read("p.parquet")).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(2, 2));
    }

    @Test
    void checkWritablePassesAndLeavesNothingBehind() throws IOException {
        zone.checkWritable();
        zone.checkWritable(); // twice: a probe never collides with the one before

        assertThat(zone.list("")).isEmpty();
    }

    @Test
    void locateNamesThePath() {
        assertThat(zone.locate("a/b.parquet")).endsWith("/a/b.parquet");
        assertThat(zone.locate("a/b/")).as("a folder").endsWith("/a/b/");
    }

    /** A new scratch folder for local copies. */
    protected Path scratch() throws IOException {
        return Files.createTempDirectory(temp, "scratch");
    }

    /** A local file with the content, to put into the zone. */
    protected Path localFile(String name, byte[] content) throws IOException {
        Path file = Files.createTempDirectory(temp, "local").resolve(name);
        return Files.write(file, content);
    }

    protected static byte[] randomBytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
