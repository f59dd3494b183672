package dev.quarry.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Quarry, as Maven stamped it into {@code version.properties}. */
public final class QuarryVersion {

    private static final Properties PROPERTIES = read();

    private QuarryVersion() {
    }

    public static String get() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The version plus when it was built: tells two development builds of one version apart (cache keys). */
    public static String build() {
        return get() + "@" + PROPERTIES.getProperty("build", "unknown");
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream stream = QuarryVersion.class.getResourceAsStream("version.properties")) {
            if (stream != null) {
                properties.load(stream);
            }
        } catch (IOException unreadable) {
            properties.clear();
        }
        return properties;
    }
}
