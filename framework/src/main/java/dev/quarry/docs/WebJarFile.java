package dev.quarry.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * A file inside a WebJar on the classpath: its Maven coordinates (the version is read from the jar, so the pom alone
 * pins it) and its path under {@code META-INF/resources/webjars/<artifact>/<version>/}.
 */
public record WebJarFile(String group, String artifact, String path) {

    /**
     * Copies the file to {@code target}, replacing it.
     *
     * @throws IllegalStateException when the WebJar is not on the classpath (a broken build)
     */
    public Path copyTo(Path target) {
        String resource = "/META-INF/resources/webjars/" + artifact + "/" + version() + "/" + path;
        try (InputStream in = open(resource)) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + target, failure);
        }
        return target;
    }

    /** The version in the {@code pom.properties} Maven puts in every jar. */
    public String version() {
        try (InputStream in = open("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the version of " + group + ":" + artifact, failure);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = WebJarFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + resource);
        }
        return in;
    }
}
