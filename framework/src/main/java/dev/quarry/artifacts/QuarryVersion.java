package dev.quarry.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Quarry, as Maven stamped it into {@code version.properties}. */
public final class QuarryVersion {

    private static final String VERSION = read();

    private QuarryVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream stream = QuarryVersion.class.getResourceAsStream("version.properties")) {
            if (stream == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(stream);
            return properties.getProperty("version", "unknown");
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
